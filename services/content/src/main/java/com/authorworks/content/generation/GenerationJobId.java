package com.authorworks.content.generation;

import java.util.Objects;
import java.util.UUID;

import com.authorworks.platform.jobs.JobId;

/** One generation job of a book, a job of the generation queue. */
public record GenerationJobId(UUID value) implements JobId {

    public GenerationJobId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
