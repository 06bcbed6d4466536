package com.authorworks.content.publication;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.authorworks.content.internal.ChapterReleases;
import com.authorworks.content.internal.Publications;
import com.authorworks.platform.jobs.PeriodicTask;

/**
 * Publishes scheduled books, and releases scheduled chapters of published books (serial release), when their time comes, looking every {@code authorworks.content.publishing-poll}
 * (10 s by default). Several processes may run it: each due book or chapter is taken by one of them (row locks).
 */
@Component
class ScheduledPublishing extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final Publications publications;
    private final ChapterReleases releases;

    ScheduledPublishing(Publications publications, ChapterReleases releases, @Value("${authorworks.content.publishing-poll:10s}") Duration poll) {
        super("scheduled-publishing", poll);
        this.publications = publications;
        this.releases = releases;
    }

    @Override
    protected void runOnce() {
        int published = publications.publishDue();
        if (published > 0) {
            log.info("Published {} scheduled book(s)", published);
        }
        int released = releases.releaseDue();
        if (released > 0) {
            log.info("Released {} scheduled chapter(s)", released);
        }
    }
}
