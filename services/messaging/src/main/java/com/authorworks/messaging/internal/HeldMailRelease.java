package com.authorworks.messaging.internal;

import org.springframework.stereotype.Component;

import com.authorworks.platform.jobs.PeriodicTask;

/** Every {@code authorworks.messaging.mail.release-every}, hands the held mail whose time came to the outbox's worker. */
@Component
class HeldMailRelease extends PeriodicTask {

    private final MailOutbox outbox;

    HeldMailRelease(MailOutbox outbox, MessagingProperties properties) {
        super("messaging-held-mail", properties.mail().releaseEvery());
        this.outbox = outbox;
    }

    @Override
    protected void runOnce() {
        outbox.releaseDue();
    }
}
