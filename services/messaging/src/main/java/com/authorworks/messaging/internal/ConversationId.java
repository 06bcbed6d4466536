package com.authorworks.messaging.internal;

import java.util.Objects;
import java.util.UUID;

/** One conversation, direct or group. */
public record ConversationId(UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    static ConversationId random() {
        return new ConversationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
