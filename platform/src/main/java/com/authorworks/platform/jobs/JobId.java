package com.authorworks.platform.jobs;

import java.util.UUID;

/** A job's typed id (e.g. {@code ExportId}): a record of one UUID, the primary key of its row. */
public interface JobId {

    UUID value();
}
