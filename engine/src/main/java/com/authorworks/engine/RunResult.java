package com.authorworks.engine;

/**
 * How a run ended.
 *
 * @param status what happened
 * @param cost   what the book has cost so far, over all runs
 */
public record RunResult(Status status, CostReport cost) {

    public enum Status {
        /** Every step is done; the book is complete. */
        COMPLETED,
        /** Stopped cleanly at the budget cap; raise the budget and resume. */
        BUDGET_EXHAUSTED,
        /** Stopped because {@link GenerationEngine#cancel()} was called; resume continues it. */
        CANCELLED,
        /** Stopped after the plan, as {@link GenerationEngine#plan} asks; resume drafts the book. */
        PLANNED
    }
}
