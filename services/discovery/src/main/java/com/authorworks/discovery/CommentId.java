package com.authorworks.discovery;

import java.util.Objects;
import java.util.UUID;

/** A reader's comment on a chapter, as other services and clients refer to it. */
public record CommentId(UUID value) {

    public CommentId {
        Objects.requireNonNull(value, "value");
    }

    public static CommentId random() {
        return new CommentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
