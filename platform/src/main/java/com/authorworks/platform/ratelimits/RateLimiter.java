package com.authorworks.platform.ratelimits;

import java.time.Duration;

/**
 * Token buckets by key. Each key's bucket holds {@link Limit#capacity()} tokens and is refilled all at
 * once every {@link Limit#period()}, so "5 a minute" means exactly that. Get one from
 * {@link RateLimiters}: where the buckets live (Redis, PostgreSQL, the process) is its business.
 */
public interface RateLimiter {

    /** Takes one token from {@code key}'s bucket, if it has one. */
    Take take(String key, Limit limit);

    /** {@code capacity} tokens per {@code period}. */
    record Limit(int capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit needs a capacity of at least 1 and a positive period");
            }
        }
    }

    /** What {@link #take} did. */
    interface Take {
        boolean taken();

        /** When refused: how long until a token is free (at least one second); zero when taken. */
        Duration retryAfter();

        /** Puts the token taken back (a success that should not count); nothing when none was taken. */
        void giveBack();
    }
}
