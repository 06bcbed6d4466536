package com.authorworks.subscriptions.internal.tiers;

import java.time.Instant;
import java.time.ZoneOffset;

/** How often a subscription is paid for. */
public enum BillingInterval {
    MONTHLY, ANNUAL;

    /** The end of the period that starts at {@code start}: the same day of the next month (or year), in UTC. */
    public Instant after(Instant start) {
        var at = start.atOffset(ZoneOffset.UTC);
        return (this == MONTHLY ? at.plusMonths(1) : at.plusYears(1)).toInstant();
    }
}
