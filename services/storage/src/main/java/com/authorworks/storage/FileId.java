package com.authorworks.storage;

import java.util.Objects;
import java.util.UUID;

/** A stored file. */
public record FileId(UUID value) {

    public FileId {
        Objects.requireNonNull(value, "value");
    }

    /** From its text form, as in a URL. */
    public static FileId of(String value) {
        return new FileId(UUID.fromString(value));
    }

    public static FileId random() {
        return new FileId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
