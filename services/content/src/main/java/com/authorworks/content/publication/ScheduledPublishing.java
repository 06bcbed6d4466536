package com.authorworks.content.publication;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.authorworks.content.internal.Publications;

/**
 * Publishes scheduled books when their time comes, looking every {@code authorworks.content.publishing-poll}
 * (10 s by default). Several processes may run it: each due book is taken by one of them (row locks).
 */
@Component
class ScheduledPublishing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final Publications publications;
    private final Duration poll;
    private ScheduledExecutorService timer;

    ScheduledPublishing(Publications publications, @Value("${authorworks.content.publishing-poll:10s}") Duration poll) {
        this.publications = publications;
        this.poll = poll;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("scheduled-publishing").factory());
        timer.scheduleWithFixedDelay(this::publishDue, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void publishDue() {
        try {
            int published = publications.publishDue();
            if (published > 0) {
                log.info("Published {} scheduled book(s)", published);
            }
        } catch (RuntimeException e) {
            log.warn("Publishing scheduled books failed; trying again in {}", poll, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
