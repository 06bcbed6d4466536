package com.authorworks.engine;

import java.time.Instant;
import java.util.List;

/**
 * A finished step, as checkpointed: its artifact and the calls it paid for.
 *
 * @param key         e.g. {@code plan/outline}, {@code draft/c03/s02}
 * @param content     the artifact: JSON for plan, memory and summary steps, text for drafts and revisions
 * @param calls       the model calls the step made, retries included
 * @param edited      whether an author replaced the generated artifact
 * @param completedAt when the step was checkpointed
 */
public record StepRecord(String key, String content, List<CallRecord> calls, boolean edited, Instant completedAt) {

    public StepRecord {
        calls = List.copyOf(calls);
    }
}
