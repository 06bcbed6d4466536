package com.authorworks.subscriptions;

import java.util.Objects;
import java.util.UUID;

/** A fan's subscription to one creator's tier. */
public record SubscriptionId(UUID value) {

    public SubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    public static SubscriptionId of(String value) {
        return new SubscriptionId(UUID.fromString(value));
    }

    public static SubscriptionId random() {
        return new SubscriptionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
