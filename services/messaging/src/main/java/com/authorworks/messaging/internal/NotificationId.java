package com.authorworks.messaging.internal;

import java.util.Objects;
import java.util.UUID;

/** One notification in a user's inbox. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    static NotificationId random() {
        return new NotificationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
