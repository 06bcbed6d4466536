package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a primary model, then each fallback in turn, when a call fails in a way another provider
 * or model may not: rate limits and outages that outlasted the retries, and prompts too long for
 * this model's window. It does not fall back on an invalid key, a refusal or a bad request: those
 * are for the author (or us) to fix, and silently paying another provider would hide them.
 *
 * <p>The primary gets the request as it is. Each fallback names its own model and its own key,
 * because a key is never sent to any provider but its own. {@link Completion#provider()} and
 * {@link Completion#model()} say who answered. Wrap each model in a {@link RetryingLanguageModel}
 * first, so a fallback is only used once retries are spent. Each fallback's call is announced to
 * {@link CompletionRequest#attempts()} before it is sent.
 */
public final class FallbackLanguageModel implements LanguageModel {

    private static final Logger log = LoggerFactory.getLogger(FallbackLanguageModel.class);

    /**
     * One fallback.
     *
     * @param languageModel the provider's adapter (usually retrying)
     * @param model         the model to ask there
     * @param key           that provider's key; null for one that needs none (Ollama, a local server)
     */
    public record Route(LanguageModel languageModel, String model, ApiKey key) {
        public Route {
            Objects.requireNonNull(languageModel, "languageModel");
            Objects.requireNonNull(model, "model");
        }
    }

    private final LanguageModel primary;
    private final List<Route> fallbacks;

    public FallbackLanguageModel(LanguageModel primary, List<Route> fallbacks) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallbacks = List.copyOf(fallbacks);
    }

    @Override
    public String provider() {
        return primary.provider();
    }

    @Override
    public Completion complete(CompletionRequest request) {
        LanguageModelException failure;
        try {
            return primary.complete(request);
        } catch (LanguageModelException e) {
            failure = e;
        }
        for (Route route : fallbacks) {
            if (!fallsBack(failure)) {
                throw failure;
            }
            log.warn("{} failed ({}); falling back to {} model {}", failure.provider(),
                    failure.getClass().getSimpleName(), route.languageModel().provider(), route.model());
            try {
                request.attempts().resending(route.languageModel().provider(), route.model(), failure);
                return route.languageModel().complete(request.withModel(route.model()).withKey(route.key()));
            } catch (LanguageModelException e) {
                e.addSuppressed(failure);
                failure = e;
            }
        }
        throw failure;
    }

    private static boolean fallsBack(LanguageModelException failure) {
        return failure.retryable() || failure instanceof LanguageModelException.ContextTooLong;
    }
}
