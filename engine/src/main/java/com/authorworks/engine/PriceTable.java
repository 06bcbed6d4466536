package com.authorworks.engine;

import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Model prices at one date. A new price list is a new table with a new version, so the cost of a
 * past call can be explained by the version it was priced with.
 *
 * @param version  e.g. {@code 2025-11}
 * @param asOf     the date the prices were copied from the providers' public price pages
 * @param prices   by model id (a dated variant such as {@code claude-sonnet-4-5-20250929} matches its base id)
 * @param freeProviders providers that cost nothing per token (local or offline models)
 */
public record PriceTable(String version, LocalDate asOf, Map<String, ModelPrice> prices, Set<String> freeProviders) {

    /** US dollars per million tokens. Cache prices are for tokens read from or written to a prompt cache. */
    public record ModelPrice(String model, BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {

        public static ModelPrice of(String model, String input, String output, String cacheRead, String cacheWrite) {
            return new ModelPrice(model, new BigDecimal(input), new BigDecimal(output), new BigDecimal(cacheRead), new BigDecimal(cacheWrite));
        }
    }

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public PriceTable {
        Objects.requireNonNull(version, "version");
        prices = Map.copyOf(prices);
        freeProviders = Set.copyOf(freeProviders);
    }

    public static PriceTable of(String version, LocalDate asOf, Set<String> freeProviders, List<ModelPrice> prices) {
        return new PriceTable(version, asOf, prices.stream().collect(Collectors.toMap(ModelPrice::model, Function.identity())), freeProviders);
    }

    /**
     * List prices (standard tier, prompts under 200k tokens) as published by the providers in November
     * 2025; the free providers are those the {@link ProviderCatalogue} marks free.
     */
    public static PriceTable current() {
        return of("2025-11", LocalDate.of(2025, 11, 20), ProviderCatalogue.freeProviders(), List.of(
                // Anthropic: cache write = 5-minute cache write price
                ModelPrice.of("claude-opus-4-5", "5", "25", "0.50", "6.25"),
                ModelPrice.of("claude-opus-4-1", "15", "75", "1.50", "18.75"),
                ModelPrice.of("claude-opus-4", "15", "75", "1.50", "18.75"),
                ModelPrice.of("claude-sonnet-4-5", "3", "15", "0.30", "3.75"),
                ModelPrice.of("claude-sonnet-4", "3", "15", "0.30", "3.75"),
                ModelPrice.of("claude-haiku-4-5", "1", "5", "0.10", "1.25"),
                ModelPrice.of("claude-3-5-haiku", "0.80", "4", "0.08", "1"),
                // OpenAI: cached input reads; writes cost the normal input price
                ModelPrice.of("gpt-5.1", "1.25", "10", "0.125", "1.25"),
                ModelPrice.of("gpt-5", "1.25", "10", "0.125", "1.25"),
                ModelPrice.of("gpt-5-mini", "0.25", "2", "0.025", "0.25"),
                ModelPrice.of("gpt-5-nano", "0.05", "0.40", "0.005", "0.05"),
                ModelPrice.of("gpt-4.1", "2", "8", "0.50", "2"),
                ModelPrice.of("gpt-4.1-mini", "0.40", "1.60", "0.10", "0.40"),
                ModelPrice.of("gpt-4o", "2.50", "10", "1.25", "2.50"),
                ModelPrice.of("gpt-4o-mini", "0.15", "0.60", "0.075", "0.15"),
                // Google Gemini (prompts up to 200k tokens)
                ModelPrice.of("gemini-3-pro-preview", "2", "12", "0.20", "2"),
                ModelPrice.of("gemini-2.5-pro", "1.25", "10", "0.125", "1.25"),
                ModelPrice.of("gemini-2.5-flash", "0.30", "2.50", "0.03", "0.30"),
                ModelPrice.of("gemini-2.5-flash-lite", "0.10", "0.40", "0.01", "0.10")));
    }

    /** The price of a model, matching the longest known id that the model id starts with. */
    public java.util.Optional<ModelPrice> priceOf(String model) {
        return prices.values().stream()
                .filter(p -> model.equals(p.model()) || model.startsWith(p.model() + "-"))
                .max(Comparator.comparingInt(p -> p.model().length()));
    }

    /** Whether calls to this provider and model can be priced (free providers always can). */
    public boolean knows(String provider, String model) {
        return freeProviders.contains(provider) || priceOf(model).isPresent();
    }

    /** The cost of one call in US dollars; zero for free providers and for models the table does not know. */
    public BigDecimal cost(String provider, String model, Usage usage) {
        if (freeProviders.contains(provider)) {
            return BigDecimal.ZERO;
        }
        return priceOf(model).map(p -> {
            long uncached = Math.max(0, usage.inputTokens() - usage.cacheReadTokens() - usage.cacheWriteTokens());
            BigDecimal micro = p.input().multiply(BigDecimal.valueOf(uncached))
                    .add(p.cacheRead().multiply(BigDecimal.valueOf(usage.cacheReadTokens())))
                    .add(p.cacheWrite().multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                    .add(p.output().multiply(BigDecimal.valueOf(usage.outputTokens())));
            return micro.divide(MILLION, 8, RoundingMode.HALF_UP);
        }).orElse(BigDecimal.ZERO);
    }
}
