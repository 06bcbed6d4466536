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
 * (against trying many accounts), and mail requests per mailbox (against flooding someone with mail).
 * Limits count the same whether or not the account exists, so a 429 reveals nothing. Buckets live
 * in memory, the least recently used forgotten first, so a flood of addresses cannot exhaust the heap.
 */
@Component
class RateLimits {

    private static final int MAX_TRACKED = 100_000;
    static final int MAILS_PER_ADDRESS = 3;
    static final Duration MAIL_PERIOD = Duration.ofMinutes(15);

    private final IdentitySettings settings;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    });

    RateLimits(IdentitySettings settings) {
        this.settings = settings;
    }

    /** Counts one password attempt; throws {@link TooManyAttempts} when either limit is used up. */
    void passwordAttempt(String account, String clientAddress) {
        take("address:" + clientAddress, settings.loginAttemptsPerAddressPerMinute(), Duration.ofMinutes(1));
        take("account:" + account, settings.loginAttemptsPerAccountPerMinute(), Duration.ofMinutes(1));
    }

    /** Counts one request that sends mail to {@code email}. */
    void mailRequest(String email) {
        take("mail:" + email, MAILS_PER_ADDRESS, MAIL_PERIOD);
    }

    private void take(String key, int capacity, Duration period) {
        // Refilled all at once per period, so "5 a minute" means exactly that.
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, period))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyAttempts(Duration.ofSeconds(seconds));
        }
    }
}
