package com.authorworks.engine;

import java.math.BigDecimal;

/**
 * What a book is expected to cost before anything is spent.
 *
 * @param calls        model calls expected
 * @param scenes       scenes expected
 * @param inputTokens  input tokens expected
 * @param outputTokens output tokens expected
 * @param costUsd      expected cost at list prices
 * @param priced       false when the price table does not know one of the models (cost then counts it as free)
 */
public record Estimate(long calls, int scenes, long inputTokens, long outputTokens, BigDecimal costUsd, boolean priced) {
}
