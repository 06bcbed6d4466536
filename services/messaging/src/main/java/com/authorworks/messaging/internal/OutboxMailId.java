package com.authorworks.messaging.internal;

import java.util.UUID;

import com.authorworks.platform.jobs.JobId;

/** A mail in the outbox ({@code messaging.mail_outbox}). */
record OutboxMailId(UUID value) implements JobId {

    static OutboxMailId random() {
        return new OutboxMailId(UUID.randomUUID());
    }
}
