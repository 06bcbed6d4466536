package com.authorworks.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock in UTC, to the microsecond (as PostgreSQL keeps time, so what is answered is what is read back),
 * which tests (and nobody else) move forward: a service's own clock bean extends it (messaging's
 * {@code MessagingClock}), so a quiet window ends or a period falls due without waiting for it.
 */
public class MovableClock extends Clock {

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

    /** This clock's time (moved forward with it) in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock movable = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return movable.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return movable.withZone(other);
            }
        };
    }
}
