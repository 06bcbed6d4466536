package com.authorworks.messaging.internal;

import java.util.Objects;
import java.util.UUID;

/** One message in a conversation. */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
