package com.authorworks.media.audio;

import java.util.Objects;
import java.util.UUID;

/** An audiobook project of one book. */
public record AudioProjectId(UUID value) {

    public AudioProjectId {
        Objects.requireNonNull(value, "value");
    }

    static AudioProjectId random() {
        return new AudioProjectId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
