package com.authorworks.platform.ratelimits;

import java.time.Duration;
import java.util.function.Function;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/** A {@link RateLimiter} over Bucket4j buckets, wherever they are kept. */
class BucketRateLimiter implements RateLimiter {

    private final Function<Key, Bucket> buckets;

    BucketRateLimiter(Function<Key, Bucket> buckets) {
        this.buckets = buckets;
    }

    /** Over a Bucket4j proxy manager (Redis, PostgreSQL): a bucket's state is kept there, read and written per call. */
    static BucketRateLimiter over(ProxyManager<String> proxies) {
        return new BucketRateLimiter(key -> proxies.getProxy(key.name(), () -> configuration(key.limit())));
    }

    record Key(String name, Limit limit) {
    }

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.period()))
                .build();
    }

    @Override
    public Take take(String key, Limit limit) {
        Bucket bucket = buckets.apply(new Key(key, limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Taken(bucket);
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        return new Refused(Duration.ofSeconds(seconds));
    }

    record Taken(Bucket bucket) implements Take {
        @Override
        public boolean taken() {
            return true;
        }

        @Override
        public Duration retryAfter() {
            return Duration.ZERO;
        }

        @Override
        public void giveBack() {
            bucket.addTokens(1);
        }
    }

    record Refused(Duration retryAfter) implements Take {
        @Override
        public boolean taken() {
            return false;
        }

        @Override
        public void giveBack() {
        }
    }
}
