package com.authorworks.platform.jobs;

import java.time.Duration;

/** Exponential backoff for jobs retried with {@link LeasedQueue#retry}: first, doubling per attempt, at most max. */
public record Backoff(Duration first, Duration max) {

    public Duration after(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay;
        try {
            delay = first.multipliedBy(factor);
        } catch (ArithmeticException overflow) {
            return max;
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
