package com.authorworks.identity.internal.accounts;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.IdentitySettings;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Limits password attempts per account (against guessing one password) and per client address
 * (against trying many accounts). Buckets live in memory, the least recently used forgotten first,
 * so a flood of addresses cannot exhaust the heap.
 */
@Component
class LoginRateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final IdentitySettings settings;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    });

    LoginRateLimiter(IdentitySettings settings) {
        this.settings = settings;
    }

    /** Counts one attempt; throws {@link TooManyAttempts} when either limit is used up. */
    void attempt(String account, String clientAddress) {
        take("address:" + clientAddress, settings.loginAttemptsPerAddressPerMinute());
        take("account:" + account, settings.loginAttemptsPerAccountPerMinute());
    }

    private void take(String key, int perMinute) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyAttempts(Duration.ofSeconds(seconds));
        }
    }
}
