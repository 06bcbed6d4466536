package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A fan's membership of a creator as of now. {@code member}: a subscription that grants access
 * (active, being retried, or cancelled with paid time left), then {@code tier} and {@code accessUntil}
 * (the end of the paid period) say which and how long; {@code meetsTier}: it is at least the tier asked
 * about (true when none was asked about and the fan is a member).
 */
public record Membership(UserId fan, UserId creator, boolean member, TierId tier, String tierName, boolean meetsTier,
                         Instant accessUntil) {

    public static Membership none(UserId fan, UserId creator) {
        return new Membership(fan, creator, false, null, null, false, null);
    }
}
