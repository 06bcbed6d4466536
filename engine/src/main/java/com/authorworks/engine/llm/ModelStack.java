package com.authorworks.engine.llm;

import com.authorworks.engine.llm.providers.FallbackLanguageModel;
import com.authorworks.engine.llm.providers.RetryingLanguageModel;
import com.authorworks.engine.llm.providers.RetryingLanguageModel.Policy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds the model every entry point calls (the CLI, the server's generation jobs, AI assist, key
 * tests): the provider's adapter with a per-call timeout, retries that honour {@code retry-after}
 * and back off with jitter ({@link RetryingLanguageModel}), and the fallback chain
 * ({@link FallbackLanguageModel}), each fallback retried the same way. Nothing else wraps an adapter.
 */
public final class ModelStack {

    /**
     * Every bound of one kind of use, explicit.
     *
     * @param callTimeout how long a provider may take to start answering, and a stream may stay silent
     * @param retries     how many attempts and how much waiting one call gets
     */
    public record Limits(Duration callTimeout, Policy retries) {

        /** Generation runs (CLI and server): 5 minutes per call, {@link Policy#DEFAULT} retries. */
        public static final Limits GENERATION = new Limits(Duration.ofMinutes(5), Policy.DEFAULT);

        /** A call a person watches stream (AI assist): 2 minutes, {@link Policy#INTERACTIVE} retries. */
        public static final Limits INTERACTIVE = new Limits(Duration.ofMinutes(2), Policy.INTERACTIVE);

        /** A key test, a few tokens while the person waits: 30 s, 2 attempts, at most 5 s of waiting. */
        public static final Limits KEY_TEST = new Limits(Duration.ofSeconds(30),
                new Policy(2, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), true));

        public Limits {
            Objects.requireNonNull(callTimeout, "callTimeout");
            Objects.requireNonNull(retries, "retries");
            if (callTimeout.isNegative() || callTimeout.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive");
            }
        }
    }

    /**
     * A model to ask when the primary's retries are spent or its window is too small.
     *
     * @param provider the provider's name
     * @param baseUrl  where its API is; null for its public default
     * @param model    the model to ask there
     * @param key      that provider's own key; null for one that needs none
     */
    public record Fallback(String provider, URI baseUrl, String model, ApiKey key) {
        public Fallback {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(model, "model");
        }
    }

    private ModelStack() {
    }

    /** The provider's model, retried within {@code limits}; an unknown provider is an {@link IllegalArgumentException}. */
    public static LanguageModel create(String provider, URI baseUrl, Limits limits) {
        return create(provider, baseUrl, limits, List.of());
    }

    /** The same, falling back in turn to each of {@code fallbacks}. */
    public static LanguageModel create(String provider, URI baseUrl, Limits limits, List<Fallback> fallbacks) {
        LanguageModel primary = retrying(provider, baseUrl, limits);
        if (fallbacks.isEmpty()) {
            return primary;
        }
        return new FallbackLanguageModel(primary, fallbacks.stream()
                .map(f -> new FallbackLanguageModel.Route(retrying(f.provider(), f.baseUrl(), limits), f.model(), f.key()))
                .toList());
    }

    private static LanguageModel retrying(String provider, URI baseUrl, Limits limits) {
        return new RetryingLanguageModel(LanguageModels.create(new ProviderSettings(provider, baseUrl, limits.callTimeout())),
                limits.retries());
    }
}
