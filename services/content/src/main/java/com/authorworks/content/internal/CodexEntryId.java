package com.authorworks.content.internal;

import java.util.Objects;
import java.util.UUID;

/** An entry of a book's codex. */
public record CodexEntryId(UUID value) {

    public CodexEntryId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
