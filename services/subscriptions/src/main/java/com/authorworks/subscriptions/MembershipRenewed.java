package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A fan's membership was paid for another period: a renewal (or a retry of a failed one) went through in
 * test mode, or Stripe reported a paid invoice that was not the subscription's first. {@code amount} is in
 * minor units of {@code currency}; {@code payment} is the provider's id for the payment (the ledger's key),
 * so a repeat of this event is recognisable. The period paid for runs from {@code periodStart} to
 * {@code periodEnd} (null when the provider has not told us yet).
 */
public record MembershipRenewed(SubscriptionId subscription, UserId fan, UserId creator, TierId tier, String tierName, String interval,
                                long amount, String currency, String payment, Instant periodStart, Instant periodEnd, Instant paidAt) {
}
