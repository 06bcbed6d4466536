package com.authorworks.engine;

import com.authorworks.engine.llm.ApiKey;

import java.util.Objects;

/**
 * How the engine runs, as opposed to what it writes ({@link BookSpec}). Nothing here changes the book.
 *
 * @param key                the provider key (bring your own key); null for providers that need none
 * @param concurrency        the most model calls in flight at once
 * @param prices             how calls are priced
 * @param sceneContextTokens the most input tokens a drafting prompt may use
 * @param structuredTries    how many times a structured step is asked before it fails
 */
public record EngineOptions(ApiKey key, int concurrency, PriceTable prices, int sceneContextTokens, int structuredTries) {

    public EngineOptions {
        Objects.requireNonNull(prices, "prices");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (sceneContextTokens < 1000) {
            throw new IllegalArgumentException("sceneContextTokens must be at least 1000");
        }
        if (structuredTries < 1) {
            throw new IllegalArgumentException("structuredTries must be at least 1");
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(null, 4, PriceTable.current(), 8000, 3);
    }

    public EngineOptions withKey(ApiKey newKey) {
        return new EngineOptions(newKey, concurrency, prices, sceneContextTokens, structuredTries);
    }

    public EngineOptions withConcurrency(int newConcurrency) {
        return new EngineOptions(key, newConcurrency, prices, sceneContextTokens, structuredTries);
    }

    public EngineOptions withPrices(PriceTable newPrices) {
        return new EngineOptions(key, concurrency, newPrices, sceneContextTokens, structuredTries);
    }

    public EngineOptions withSceneContextTokens(int tokens) {
        return new EngineOptions(key, concurrency, prices, tokens, structuredTries);
    }
}
