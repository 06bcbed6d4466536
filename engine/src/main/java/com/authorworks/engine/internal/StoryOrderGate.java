package com.authorworks.engine.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Lets at most {@code permits} model calls through at once. When calls wait, the one earliest in the
 * story goes first (ties: first come): a chapter that later chapters wait for (the chapter window)
 * is never starved by chapters after it, so the streams stay busy.
 */
final class StoryOrderGate {

    private record Waiter(int rank, long ticket) {
    }

    private final int permits;
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(Comparator.comparingInt(Waiter::rank).thenComparingLong(Waiter::ticket));
    private int inUse;
    private long tickets;

    StoryOrderGate(int permits) {
        this.permits = permits;
    }

    /**
     * Waits for a place; {@code check} runs while waiting (every 100 ms) and may throw to give up.
     *
     * @param rank the caller's place in the story (lower goes first)
     */
    synchronized void acquire(int rank, Runnable check) throws InterruptedException {
        Waiter me = new Waiter(rank, tickets++);
        waiting.add(me);
        try {
            while (inUse >= permits || waiting.peek() != me) {
                check.run();
                wait(100);
            }
        } catch (RuntimeException | InterruptedException e) {
            waiting.remove(me);
            notifyAll();
            throw e;
        }
        waiting.poll();
        inUse++;
    }

    synchronized void release() {
        inUse--;
        notifyAll();
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
