package com.authorworks.messaging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The time messaging decides by (when a notification was made, whether it falls in someone's quiet hours, when a
 * digest is due): the system clock, which tests (and nobody else) move forward to end a quiet window or a digest
 * period without waiting for it. The outbox's retries and leases run on the database's time instead.
 */
@Component
public class MessagingClock extends Clock {

    private final Clock base = Clock.systemUTC();
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return base.instant().plus(ahead.get()).truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves this clock forward by {@code duration}. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        ahead.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.offset(Clock.fixed(instant(), zone), Duration.ZERO);
    }
}
