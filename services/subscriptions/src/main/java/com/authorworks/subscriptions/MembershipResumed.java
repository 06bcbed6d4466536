package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A fan took back their cancellation before the period ended: the membership renews again at
 * {@code renewsAt}. Told apart from another resumption by {@code resumedAt}.
 */
public record MembershipResumed(SubscriptionId subscription, UserId fan, UserId creator, TierId tier, String tierName, Instant renewsAt,
                                Instant resumedAt) {
}
