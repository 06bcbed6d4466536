package com.authorworks.platform.ratelimits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;

/**
 * Buckets in this process's memory: what one process counts alone (no REDIS_URL and no table), and what
 * every process falls back to while Redis is away. A bucket unused for an hour is forgotten (every limit
 * in use refills within that), and at most 100,000 are kept.
 */
final class LocalRateLimiter extends BucketRateLimiter {

    LocalRateLimiter() {
        this(Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build());
    }

    private LocalRateLimiter(Cache<Key, Bucket> buckets) {
        super(key -> buckets.get(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(k.limit().capacity()).refillIntervally(k.limit().capacity(), k.limit().period()))
                .build()));
    }
}
