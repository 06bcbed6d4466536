package com.authorworks.engine.internal;

import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CostReport;
import com.authorworks.engine.GenerationEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** A run's running totals (tokens, cost, scenes, words) and the progress they make; thread-safe. */
final class RunAccount {

    private final Instant startedAt = Instant.now();
    private long inputTokens;
    private long outputTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private int scenesDone;
    private int scenesDoneAtStart;
    private int scenesTotal;
    private long words;

    /** Starts from what the checkpoints already hold. */
    synchronized void load(CostReport report, int scenes, long written) {
        inputTokens = report.usage().inputTokens();
        outputTokens = report.usage().outputTokens();
        cost = report.costUsd();
        scenesDone = scenes;
        scenesDoneAtStart = scenes;
        words = written;
    }

    /**
     * A call booked, a newer version of one, or one taken off the account: {@code before} is the version it
     * replaces (null for a new call), {@code call} the version booked now (null when withdrawn).
     */
    synchronized void paid(CallRecord before, CallRecord call) {
        if (before != null) {
            inputTokens -= before.usage().inputTokens();
            outputTokens -= before.usage().outputTokens();
            cost = cost.subtract(before.costUsd());
        }
        if (call != null) {
            inputTokens += call.usage().inputTokens();
            outputTokens += call.usage().outputTokens();
            cost = cost.add(call.costUsd());
        }
    }

    synchronized boolean reached(BigDecimal budget) {
        return budget != null && cost.compareTo(budget) >= 0;
    }

    synchronized void scenesTotal(int total) {
        scenesTotal = total;
    }

    synchronized void sceneDrafted(int sceneWords) {
        scenesDone++;
        words += sceneWords;
    }

    synchronized void adjustWords(int delta) {
        words += delta;
    }

    synchronized GenerationEvent.Progress progress(String step) {
        Duration eta = null;
        int fresh = scenesDone - scenesDoneAtStart;
        if (fresh > 0 && scenesTotal > 0) {
            Duration elapsed = Duration.between(startedAt, Instant.now());
            eta = elapsed.multipliedBy(scenesTotal - scenesDone).dividedBy(fresh);
        }
        return new GenerationEvent.Progress(step, scenesDone, scenesTotal, words, inputTokens, outputTokens, cost, eta);
    }
}
