package com.authorworks.content;

import java.util.Objects;
import java.util.UUID;

import com.authorworks.platform.jobs.JobId;

/** One generation job of a book (a job of content's generation queue), as other services and clients refer to it. */
public record GenerationJobId(UUID value) implements JobId {

    public GenerationJobId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
