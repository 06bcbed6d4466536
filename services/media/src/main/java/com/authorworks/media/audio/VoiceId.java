package com.authorworks.media.audio;

import java.util.Objects;
import java.util.UUID;

/** One voice of a project's cast (the narrator or a character). */
public record VoiceId(UUID value) {

    public VoiceId {
        Objects.requireNonNull(value, "value");
    }

    static VoiceId random() {
        return new VoiceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
