package com.authorworks.media.audio;

import java.util.Objects;
import java.util.UUID;

import com.authorworks.platform.jobs.JobId;

/** One render of an audiobook, a job of the render queue. */
public record AudioJobId(UUID value) implements JobId {

    public AudioJobId {
        Objects.requireNonNull(value, "value");
    }

    static AudioJobId random() {
        return new AudioJobId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
