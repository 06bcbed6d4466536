package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A fan cancelled their membership at the end of its paid period (here or on the provider's page): it
 * renews no more and access lasts until {@code endsAt}. Published once per cancellation; a fan who resumes
 * ({@link MembershipResumed}) and cancels again is a second one, told apart by {@code cancelledAt}.
 */
public record MembershipCancelled(SubscriptionId subscription, UserId fan, UserId creator, TierId tier, String tierName, Instant endsAt,
                                  Instant cancelledAt) {
}
