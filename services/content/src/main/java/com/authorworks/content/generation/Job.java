package com.authorworks.content.generation;

import java.time.Instant;

import com.authorworks.content.GenerationJobId;
import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;

/** One generation job as stored: a run (or several, across restarts) of the engine over a book. */
record Job(GenerationJobId id, BookId bookId, UserId userId, JobState state, GenerationRequest request, Progress progress,
           String error, boolean cancelRequested, Instant createdAt, Instant startedAt, Instant completedAt) {

    enum JobState {
        QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, BUDGET_EXHAUSTED,
        /** The plan is written and the job stopped, as asked, for the author to approve the outline; resume drafts. */
        AWAITING_APPROVAL;

        boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    /** The run's last reported progress. */
    record Progress(String step, int scenesDone, int scenesTotal, long words, long inputTokens, long outputTokens,
                    java.math.BigDecimal costUsd, Long etaSeconds) {

        static final Progress NONE = new Progress("queued", 0, 0, 0, 0, 0, java.math.BigDecimal.ZERO, null);

        static Progress of(com.authorworks.engine.GenerationEvent.Progress p) {
            return new Progress(p.step(), p.scenesDone(), p.scenesTotal(), p.words(), p.inputTokens(), p.outputTokens(),
                    p.costUsd(), p.eta() == null ? null : p.eta().toSeconds());
        }

        /** This progress with the totals of a cost report. */
        Progress costing(com.authorworks.engine.CostReport cost) {
            return new Progress(step, scenesDone, scenesTotal, words, cost.usage().inputTokens(), cost.usage().outputTokens(),
                    cost.costUsd(), etaSeconds);
        }
    }
}
