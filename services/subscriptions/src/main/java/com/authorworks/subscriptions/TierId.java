package com.authorworks.subscriptions;

import java.util.Objects;
import java.util.UUID;

/** A creator's tier: what fans join, at a monthly or annual price. */
public record TierId(UUID value) {

    public TierId {
        Objects.requireNonNull(value, "value");
    }

    public static TierId of(String value) {
        return new TierId(UUID.fromString(value));
    }

    public static TierId random() {
        return new TierId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
