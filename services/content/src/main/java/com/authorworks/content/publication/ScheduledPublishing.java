package com.authorworks.content.publication;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.authorworks.content.internal.Publications;
import com.authorworks.platform.jobs.PeriodicTask;

/**
 * Publishes scheduled books when their time comes, looking every {@code authorworks.content.publishing-poll}
 * (10 s by default). Several processes may run it: each due book is taken by one of them (row locks).
 */
@Component
class ScheduledPublishing extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final Publications publications;

    ScheduledPublishing(Publications publications, @Value("${authorworks.content.publishing-poll:10s}") Duration poll) {
        super("scheduled-publishing", poll);
        this.publications = publications;
    }

    @Override
    protected void runOnce() {
        int published = publications.publishDue();
        if (published > 0) {
            log.info("Published {} scheduled book(s)", published);
        }
    }
}
