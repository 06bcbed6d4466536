package com.authorworks.content;

import java.util.Objects;
import java.util.UUID;

/** A book, as other services and clients refer to it. */
public record BookId(UUID value) {

    public BookId {
        Objects.requireNonNull(value, "value");
    }

    /** From its text form, as in a URL (what a contract's HTTP client writes into a path, ADR 0006). */
    public static BookId of(String value) {
        return new BookId(UUID.fromString(value));
    }

    public static BookId random() {
        return new BookId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
