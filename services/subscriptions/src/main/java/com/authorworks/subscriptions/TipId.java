package com.authorworks.subscriptions;

import java.util.Objects;
import java.util.UUID;

/** A one-off payment from a fan to a creator. */
public record TipId(UUID value) {

    public TipId {
        Objects.requireNonNull(value, "value");
    }

    public static TipId of(String value) {
        return new TipId(UUID.fromString(value));
    }

    public static TipId random() {
        return new TipId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
