package com.authorworks.engine.internal;

import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.story.ChapterSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steps memoised in the checkpoint store: a step whose record exists is read, any other is computed and
 * written atomically with the calls it paid for. Until then its paid calls are kept in an unfinished record.
 */
final class StepStore {

    private static final Pattern CHAPTER_IN_KEY = Pattern.compile("/c(\\d{3})/");

    /** A step's record, and whether this run computed it. */
    record Done(StepRecord record, boolean fresh) {
    }

    private final CheckpointStore store;
    /** Names this run's records of unfinished steps, so a later run never overwrites an earlier run's. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36) + Long.toString(System.nanoTime() % 1296, 36);
    /** The steps made of parts ({@link StepKeys#partial}), whose parts go once the step is stored. */
    private static final java.util.Set<String> WITH_PARTS = java.util.Set.of(StepKeys.OUTLINE);
    /** One lock per key, so two chapters needing the same shared step compute it once (not a monitor: virtual threads wait on it). */
    private final ConcurrentHashMap<String, ReentrantLock> computing = new ConcurrentHashMap<>();

    StepStore(CheckpointStore store) {
        this.store = store;
    }

    CheckpointStore checkpoints() {
        return store;
    }

    Done step(String key, Function<PaidCalls, String> compute) {
        var stored = store.get(key);
        if (stored.isPresent()) {
            return new Done(Json.read(stored.get(), StepRecord.class), false);
        }
        ReentrantLock lock = computing.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            stored = store.get(key);
            if (stored.isPresent()) {
                return new Done(Json.read(stored.get(), StepRecord.class), false);
            }
            PaidCalls calls = new PaidCalls(StepKeys.unfinished(key, runId));
            String content = compute.apply(calls);
            StepRecord record = new StepRecord(key, content, List.copyOf(calls), false, Instant.now());
            store.put(key, Json.write(record));
            calls.settled();
            if (WITH_PARTS.contains(key)) {
                // they are in its record now
                store.keys(StepKeys.partial(key)).forEach(store::delete);
            }
            return new Done(record, true);
        } finally {
            lock.unlock();
        }
    }

    Optional<StepRecord> find(String key) {
        return store.get(key).map(json -> Json.read(json, StepRecord.class));
    }

    StepRecord record(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException("Missing checkpoint " + key));
    }

    /** A scene's text as it stands: its revision when it has one, else its draft; empty before it is drafted. */
    String finalText(int chapter, int scene) {
        return find(StepKeys.revision(chapter, scene)).or(() -> find(StepKeys.draft(chapter, scene))).map(StepRecord::content).orElse("");
    }

    String chapterSummary(int chapter) {
        return Json.read(record(StepKeys.chapterSummary(chapter)).content(), ChapterSummary.class).summary();
    }

    /**
     * The calls a step has paid for. Each one is also kept under {@code unfinished/<step>/<run>}, from before
     * it is sent until the step is checkpointed, so the calls of a step that never finishes (failed,
     * cancelled, killed, in flight) are still in the cost report. Parts copied in with {@code addAll} are accounted where they came from.
     */
    final class PaidCalls extends ArrayList<CallRecord> {
        private final String key;
        /** The step's chapter (0 before the chapters): its calls' place in the queue for the streams. */
        private final int rank;
        private boolean written;

        PaidCalls(String key) {
            this.key = key;
            Matcher chapter = CHAPTER_IN_KEY.matcher(key);
            this.rank = chapter.find() ? Integer.parseInt(chapter.group(1)) : 0;
        }

        int rank() {
            return rank;
        }

        /**
         * Books a call, or a newer version of one already booked (same id: an estimate made truer, or replaced
         * by the provider's count), and writes the unfinished record. Answers the version it replaced, if any.
         */
        synchronized CallRecord book(CallRecord call) {
            int at = call.id() == null ? -1 : indexOf(call.id());
            List<CallRecord> booked = new ArrayList<>(this);
            if (at < 0) {
                booked.add(call);
            } else {
                booked.set(at, call);
            }
            // written first, so a failed write leaves the step's calls as they were
            store.put(key, Json.write(new StepRecord(key, "", booked, false, Instant.now())));
            written = true;
            if (at < 0) {
                super.add(call);
                return null;
            }
            return set(at, call);
        }

        /** Takes a call off the step's account (one the provider refused), writing the unfinished record; answers it, or null. */
        synchronized CallRecord withdraw(String id) {
            int at = indexOf(id);
            if (at < 0) {
                return null;
            }
            List<CallRecord> booked = new ArrayList<>(this);
            booked.remove(at);
            // written even when empty, so an account that booked the call from this record sees it go
            store.put(key, Json.write(new StepRecord(key, "", booked, false, Instant.now())));
            if (booked.isEmpty()) {
                store.delete(key);
                written = false;
            }
            return remove(at);
        }

        private int indexOf(String id) {
            for (int i = size() - 1; i >= 0; i--) {
                if (id.equals(get(i).id())) {
                    return i;
                }
            }
            return -1;
        }

        synchronized void settled() {
            if (written) {
                store.delete(key);
            }
        }
    }
}
