package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A fan became a member of a creator: the first payment of a new subscription went through (at once in
 * test mode; when Stripe says so after its checkout). Published once per subscription; a fan who leaves
 * and joins again has a new subscription and a new event. {@code price} is in minor units of
 * {@code currency}, per {@code interval} ({@code monthly} or {@code annual}), as the fan joined at.
 */
public record MembershipStarted(SubscriptionId subscription, UserId fan, UserId creator, TierId tier, String tierName, String interval,
                                long price, String currency, Instant startedAt) {
}
