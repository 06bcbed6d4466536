package com.authorworks.discovery.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.authorworks.platform.time.MovableClock;

/**
 * The time discovery decides by where time is a rule (the posting rate limit's window): the system clock, which
 * tests (and nobody else) move forward to end a window without waiting for it. Not a {@link java.time.Clock} bean
 * itself: other services look one up by type.
 */
@Component
public class DiscoveryClock {

    private final MovableClock clock = new MovableClock();

    public Instant instant() {
        return clock.instant();
    }

    /** Moves discovery's time forward by {@code duration}. */
    public void advance(Duration duration) {
        clock.advance(duration);
    }
}
