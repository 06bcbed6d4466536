package com.authorworks.content;

import java.util.Objects;
import java.util.UUID;

/** A scene, as other services and clients refer to it. */
public record SceneId(UUID value) {

    public SceneId {
        Objects.requireNonNull(value, "value");
    }

    /** From its text form, as in a URL (what a contract's HTTP client writes into a path, ADR 0006). */
    public static SceneId of(String value) {
        return new SceneId(UUID.fromString(value));
    }

    public static SceneId random() {
        return new SceneId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
