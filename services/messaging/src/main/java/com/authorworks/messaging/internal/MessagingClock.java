package com.authorworks.messaging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.authorworks.platform.time.MovableClock;

/**
 * The time messaging decides by (when a notification was made, whether it falls in someone's quiet hours, when a
 * digest is due): the system clock, which tests (and nobody else) move forward to end a quiet window or a digest
 * period without waiting for it. The outbox's retries and leases run on the database's time instead. Not a
 * {@link Clock} bean itself: other services look one up by type (content takes subscriptions' billing clock).
 */
@Component
public class MessagingClock {

    private final MovableClock clock = new MovableClock();

    public Instant instant() {
        return clock.instant();
    }

    /** Moves messaging's time forward by {@code duration}. */
    public void advance(Duration duration) {
        clock.advance(duration);
    }
}
