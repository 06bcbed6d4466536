package com.authorworks.content.internal;

import java.util.Objects;
import java.util.UUID;

/** A fact of a codex entry. */
public record CodexFactId(UUID value) {

    public CodexFactId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
