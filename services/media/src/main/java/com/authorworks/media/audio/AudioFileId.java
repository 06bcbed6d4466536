package com.authorworks.media.audio;

import java.util.Objects;
import java.util.UUID;

/** One rendered file of an audiobook (a chapter, the M4B, the sample). */
public record AudioFileId(UUID value) {

    public AudioFileId {
        Objects.requireNonNull(value, "value");
    }

    static AudioFileId random() {
        return new AudioFileId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
