package com.authorworks.content;

import java.util.Objects;
import java.util.UUID;

/** A book, as other services and clients refer to it. */
public record BookId(UUID value) {

    public BookId {
        Objects.requireNonNull(value, "value");
    }

    public static BookId random() {
        return new BookId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
