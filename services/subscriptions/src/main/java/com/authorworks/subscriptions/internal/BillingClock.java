package com.authorworks.subscriptions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The time billing runs on: the system clock, which tests (and nobody else) move forward to make
 * periods end, renewals fall due and retries run out without waiting a month.
 */
@Component
public class BillingClock extends Clock {

    private final Clock base = Clock.systemUTC();
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        // to the microsecond, as PostgreSQL keeps it, so what is answered is what is read back
        return base.instant().plus(ahead.get()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
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

    /** This clock's time (moved forward with it) in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        BillingClock billing = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return billing.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return billing.withZone(other);
            }
        };
    }
}
