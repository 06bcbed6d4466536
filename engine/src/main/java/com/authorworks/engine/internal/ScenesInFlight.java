package com.authorworks.engine.internal;

import com.authorworks.engine.story.ScenePosition;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scenes drafted whose facts are not in the ledger yet (their memory call is under way), with their text. A scene
 * about to be drafted waits for those earlier in the story a moment at most ({@link #WAIT}); then its prompt carries
 * the sentences of their text about its subjects ({@link UnrememberedSentences}) until the memory lands and the
 * ledger has the facts. Its prompt is made
 * again when a scene before it is drafted while it is being made, and never waits for a scene after it.
 */
final class ScenesInFlight {

    /**
     * The longest a drafting prompt waits for earlier scenes' memories in all. A memory call of a fast provider
     * answers in a second or two, and then the ledger has its facts; with a slow one (tens of tokens a second) a
     * memory takes most of a minute, and a longer wait made the chapters drafted side by side go one at a time (or,
     * bounded at 10 s, left most neighbours' facts out): past this wait their drafts' sentences stand in.
     */
    static final Duration WAIT = Duration.ofSeconds(2);

    private final Set<ScenePosition> remembering = new HashSet<>();
    /** The text of each scene being remembered, as last drafted. */
    private final SortedMap<ScenePosition, String> texts = new TreeMap<>();
    /** When each scene was last drafted, in the order drafts arrived. */
    private final Map<ScenePosition, Long> draftedAt = new HashMap<>();
    private long drafts;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** Its draft answered (called the moment the answer arrives, and again once it is stored): its memory is a moment away. */
    void drafted(ScenePosition scene, String text) {
        lock.lock();
        try {
            if (remembering.add(scene)) {
                draftedAt.put(scene, ++drafts);
            }
            if (text != null && !text.isBlank()) {
                texts.put(scene, text);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Its facts are in the ledger, or its memory failed: nobody waits for it any more. */
    void remembered(ScenePosition scene) {
        lock.lock();
        try {
            remembering.remove(scene);
            texts.remove(scene);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The drafts of scenes before {@code scene} whose memories have not landed, in story order. */
    SortedMap<ScenePosition, String> draftsBefore(ScenePosition scene) {
        lock.lock();
        try {
            return new TreeMap<>(texts.headMap(scene));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The turn of a drafting call for {@code scene}: it waits until no scene before it is being remembered ({@link #WAIT}
     * at most), and its prompt, once made, is ready when no scene before it was drafted since that wait ended.
     */
    CallGate.Turn turnOf(ScenePosition scene, Runnable check) {
        return turnOf(scene, check, WAIT);
    }

    /** The same, waiting {@code atMost} in all: then the prompt goes with what is remembered by then. */
    CallGate.Turn turnOf(ScenePosition scene, Runnable check, Duration atMost) {
        long[] seen = new long[1];
        long[] deadline = {Long.MAX_VALUE};
        return new CallGate.Turn() {
            @Override
            public void await() {
                if (deadline[0] == Long.MAX_VALUE) {
                    deadline[0] = System.nanoTime() + atMost.toNanos();
                }
                seen[0] = awaitRemembered(scene, check, deadline[0]);
            }

            @Override
            public boolean ready() {
                boolean waited = System.nanoTime() - deadline[0] >= 0;
                lock.lock();
                try {
                    // a draft that arrived while the prompt was being made is in the next one (there are finitely many)
                    return draftedAt.entrySet().stream().noneMatch(e -> e.getValue() > seen[0] && e.getKey().isBefore(scene))
                            && (waited || remembering.stream().noneMatch(p -> p.isBefore(scene)));
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void answered(String text) {
                drafted(scene, text);
            }
        };
    }

    /**
     * Waits until no scene before {@code scene} is being remembered; {@code check} runs while waiting and may throw to give up.
     *
     * @return how many drafts had arrived by then
     */
    long awaitRemembered(ScenePosition scene, Runnable check) {
        return awaitRemembered(scene, check, Long.MAX_VALUE);
    }

    private long awaitRemembered(ScenePosition scene, Runnable check, long deadline) {
        lock.lock();
        try {
            while (remembering.stream().anyMatch(p -> p.isBefore(scene)) && System.nanoTime() - deadline < 0) {
                check.run();
                changed.await(100, TimeUnit.MILLISECONDS);
            }
            return drafts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopped(RunStopped.Reason.CANCELLED);
        } finally {
            lock.unlock();
        }
    }
}
