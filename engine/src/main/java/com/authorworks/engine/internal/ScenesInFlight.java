package com.authorworks.engine.internal;

import com.authorworks.engine.story.ScenePosition;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scenes drafted whose facts are not in the ledger yet (their memory call is under way). A scene about to be
 * drafted waits for those earlier in the story, a memory call at most, so its prompt knows what they
 * established; it never waits for a scene after it, so no two scenes wait for each other.
 */
final class ScenesInFlight {

    private final Set<ScenePosition> remembering = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    void drafted(ScenePosition scene) {
        lock.lock();
        try {
            remembering.add(scene);
        } finally {
            lock.unlock();
        }
    }

    /** Its facts are in the ledger, or its memory failed: nobody waits for it any more. */
    void remembered(ScenePosition scene) {
        lock.lock();
        try {
            remembering.remove(scene);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no scene before {@code scene} is being remembered; {@code check} runs while waiting and may throw to give up. */
    void awaitRemembered(ScenePosition scene, Runnable check) {
        lock.lock();
        try {
            while (remembering.stream().anyMatch(p -> p.isBefore(scene))) {
                check.run();
                changed.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopped(RunStopped.Reason.CANCELLED);
        } finally {
            lock.unlock();
        }
    }
}
