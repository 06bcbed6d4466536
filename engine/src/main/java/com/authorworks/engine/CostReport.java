package com.authorworks.engine;

import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a book has cost: totals and a breakdown per kind of step ({@code plan/outline}, {@code draft},
 * {@code memory}, {@code revision}, {@code summary}...), each call counted once.
 *
 * @param estimatedCalls how many of the calls are booked with estimated usage ({@link CallRecord#estimated()}:
 *                       cut streams, failures mid-answer, calls in flight when a run was cancelled or died)
 */
public record CostReport(long calls, Usage usage, BigDecimal costUsd, Map<String, StepCost> byStep, long estimatedCalls) {

    public record StepCost(long calls, Usage usage, BigDecimal costUsd) {

        public StepCost plus(CallRecord call) {
            return new StepCost(calls + 1, usage.plus(call.usage()), costUsd.add(call.costUsd()));
        }
    }
}
