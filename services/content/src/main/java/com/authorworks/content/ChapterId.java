package com.authorworks.content;

import java.util.Objects;
import java.util.UUID;

/** A chapter, as other services and clients refer to it. */
public record ChapterId(UUID value) {

    public ChapterId {
        Objects.requireNonNull(value, "value");
    }

    public static ChapterId random() {
        return new ChapterId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
