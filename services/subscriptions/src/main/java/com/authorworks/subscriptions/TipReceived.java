package com.authorworks.subscriptions;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A fan's tip to a creator was paid: {@code amount} in minor units of {@code currency}, with the fan's
 * {@code message} (null when they wrote none). Published once per tip.
 */
public record TipReceived(TipId tip, UserId fan, UserId creator, long amount, String currency, String message, Instant receivedAt) {
}
