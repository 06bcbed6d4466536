package com.authorworks.engine;

import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a book has cost: totals and a breakdown per kind of step ({@code plan/outline}, {@code draft},
 * {@code memory}, {@code revision}, {@code summary}...).
 */
public record CostReport(long calls, Usage usage, BigDecimal costUsd, Map<String, StepCost> byStep) {

    public record StepCost(long calls, Usage usage, BigDecimal costUsd) {

        public StepCost plus(CallRecord call) {
            return new StepCost(calls + 1, usage.plus(call.usage()), costUsd.add(call.costUsd()));
        }
    }
}
