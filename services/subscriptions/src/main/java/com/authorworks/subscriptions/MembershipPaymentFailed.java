package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A payment for a fan's membership failed: a renewal or one of its retries (test mode), or Stripe
 * reported the subscription past due. {@code attempt} counts the failures of this period (1 for the
 * first); {@code nextAttemptAt} is when it is tried again, null when that is not known here (Stripe
 * retries on its own schedule) or when {@code ended}: the last retry failed and the membership is over.
 * {@code amount} is in minor units of {@code currency}. {@code failedAt} tells one failure from another,
 * so a repeat of this event is recognisable.
 */
public record MembershipPaymentFailed(SubscriptionId subscription, UserId fan, UserId creator, TierId tier, String tierName, long amount,
                                      String currency, int attempt, Instant nextAttemptAt, boolean ended, Instant failedAt) {
}
