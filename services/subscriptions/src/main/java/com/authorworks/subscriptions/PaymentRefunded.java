package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * Money a fan paid a creator was given back, in part or in full: {@code amount} in minor units of
 * {@code currency}, of the payment the provider calls {@code payment}; {@code refund} is the provider's id
 * for the refund (the ledger's key), so each refund is announced once. {@code subscription} or {@code tip}
 * names what was paid for (the other is null). {@code creatorShare} is what the creator's earnings went
 * down by.
 */
public record PaymentRefunded(String refund, String payment, UserId fan, UserId creator, SubscriptionId subscription, TipId tip,
                              long amount, long creatorShare, String currency, Instant refundedAt) {
}
