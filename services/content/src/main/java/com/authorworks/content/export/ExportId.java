package com.authorworks.content.export;

import java.util.Objects;
import java.util.UUID;

import com.authorworks.platform.jobs.JobId;

/** One export of a book, a job of the exports queue. */
public record ExportId(UUID value) implements JobId {

    public ExportId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
