package com.authorworks.content;

import java.util.function.Supplier;

/** Waits for something that happens in the background, failing (not hanging) if it never does. */
final class Eventually {

    private Eventually() {
    }

    static <T> T until(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
