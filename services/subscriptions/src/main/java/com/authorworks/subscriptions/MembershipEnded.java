package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A fan's membership ended for good (the subscription expired; the fan joins again with a new one).
 * {@code reason}: {@code cancelled} (the fan left: a cancelled period ran out, or they cancelled while a
 * payment was unpaid), {@code payment-failed} (the last retry failed) or {@code ended-by-provider} (Stripe
 * ended it otherwise). Published once per subscription. A checkout that was never paid is no membership and
 * ends without this event.
 */
public record MembershipEnded(SubscriptionId subscription, UserId fan, UserId creator, TierId tier, String tierName, String reason,
                              Instant endedAt) {

    public static final String CANCELLED = "cancelled";
    public static final String PAYMENT_FAILED = "payment-failed";
    public static final String ENDED_BY_PROVIDER = "ended-by-provider";
}
