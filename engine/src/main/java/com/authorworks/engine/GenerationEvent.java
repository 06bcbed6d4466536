package com.authorworks.engine;

import java.math.BigDecimal;
import java.time.Duration;

/** Something that happened in a run, with the run's progress at that moment. */
public sealed interface GenerationEvent {

    Progress progress();

    /**
     * A snapshot of a run.
     *
     * @param step         the step just finished, e.g. {@code plan/outline} or {@code draft/c03/s02}
     * @param scenesDone   scenes drafted so far (including ones finished by earlier runs)
     * @param scenesTotal  scenes in the outline; 0 before the outline exists
     * @param words        words drafted so far
     * @param inputTokens  input tokens paid for by the book so far
     * @param outputTokens output tokens paid for by the book so far
     * @param costUsd      what the book has cost so far
     * @param eta          estimated time to finish, null while unknown
     */
    record Progress(String step, int scenesDone, int scenesTotal, long words, long inputTokens, long outputTokens,
                    BigDecimal costUsd, Duration eta) {
    }

    record RunStarted(Progress progress) implements GenerationEvent {
    }

    /** A plan, summary, extraction or revision step finished and was checkpointed. */
    record StepCompleted(String key, Progress progress) implements GenerationEvent {
    }

    record SceneDrafted(int chapter, int scene, int words, Progress progress) implements GenerationEvent {
    }

    record ChapterCompleted(int chapter, Progress progress) implements GenerationEvent {
    }

    /** The run stopped before a call that the budget could no longer pay for; raise the budget to resume. */
    record BudgetExhausted(BigDecimal budgetUsd, Progress progress) implements GenerationEvent {
    }

    record RunCompleted(Progress progress) implements GenerationEvent {
    }
}
