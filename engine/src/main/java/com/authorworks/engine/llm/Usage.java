package com.authorworks.engine.llm;

/**
 * Tokens of one call, as the provider reported them. {@code inputTokens} counts every input
 * token, cached ones included; the cache figures say how many of them were read from or written
 * to the provider's prompt cache.
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheReadTokens + other.cacheReadTokens, cacheWriteTokens + other.cacheWriteTokens);
    }
}
