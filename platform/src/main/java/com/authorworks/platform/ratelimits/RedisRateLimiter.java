package com.authorworks.platform.ratelimits;

import java.time.Duration;

import com.authorworks.platform.redis.SharedRedis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;

/**
 * Buckets in the shared Redis (Bucket4j's compare-and-swap proxy over Lettuce), so every process counts
 * against the same tokens; a key is {@code authorworks:limits:<name>:<key>} and expires once its bucket
 * would be full again. While Redis is unavailable each process counts alone ({@link LocalRateLimiter}):
 * a limit holds per process, so it is at most the number of processes times looser, and requests never
 * fail for want of Redis.
 */
final class RedisRateLimiter implements RateLimiter {

    private final SharedRedis redis;
    private final String prefix;
    private final LocalRateLimiter fallback = new LocalRateLimiter();
    private volatile BucketRateLimiter shared;

    RedisRateLimiter(SharedRedis redis, String name) {
        this.redis = redis;
        this.prefix = "authorworks:limits:" + name + ":";
    }

    @Override
    public Take take(String key, Limit limit) {
        if (redis.usable()) {
            try {
                Take take = shared().take(prefix + key, limit);
                redis.succeeded();
                return new Guarded(take);
            } catch (RuntimeException e) {
                redis.failed("rate limit", e);
            }
        }
        return fallback.take(key, limit);
    }

    private BucketRateLimiter shared() {
        BucketRateLimiter current = shared;
        if (current == null) {
            synchronized (this) {
                current = shared;
                if (current == null) {
                    current = BucketRateLimiter.over(Bucket4jLettuce.casBasedBuilder(redis.connection())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofSeconds(10)))
                            .build());
                    shared = current;
                }
            }
        }
        return current;
    }

    /** Giving a token back to Redis may fail when it just went away: the token is then lost, which only errs on the safe side. */
    private final class Guarded implements Take {
        private final Take take;

        Guarded(Take take) {
            this.take = take;
        }

        @Override
        public boolean taken() {
            return take.taken();
        }

        @Override
        public Duration retryAfter() {
            return take.retryAfter();
        }

        @Override
        public void giveBack() {
            try {
                take.giveBack();
            } catch (RuntimeException e) {
                redis.failed("rate limit", e);
            }
        }
    }
}
