package com.authorworks.subscriptions.internal.billing;

/**
 * Where a subscription is in its life: {@code INCOMPLETE} (checkout started, not paid) →
 * {@code ACTIVE} → ({@code PAST_DUE} while a renewal's retries run) → {@code CANCELLED_AT_PERIOD_END}
 * (the fan left; access until the paid period ends) → {@code EXPIRED} (over; final).
 */
public enum SubscriptionStatus {
    INCOMPLETE, ACTIVE, PAST_DUE, CANCELLED_AT_PERIOD_END, EXPIRED
}
