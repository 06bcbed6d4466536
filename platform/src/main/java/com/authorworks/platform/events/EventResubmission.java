package com.authorworks.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.event.TransactionalApplicationListener;

/**
 * Hands incomplete event publications back to their listeners: once when the process is ready
 * (a listener that failed, or was running when the last process stopped, runs again after a
 * restart) and then every {@code authorworks.events.retry-interval} (a listener that failed because
 * something it needs was down runs again once it is back).
 * <p>
 * Only publications of listeners in this process are taken, and only those at least
 * {@code authorworks.events.retry-after} old, so a listener still running elsewhere is not run a
 * second time in the meantime. Delivery is at least once all the same (two processes may retry the
 * same publication at once): listeners are idempotent.
 */
class EventResubmission implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications publications;
    private final Duration interval;
    private final Duration minimumAge;
    private volatile Set<String> localListeners = Set.of();
    private volatile ScheduledExecutorService scheduler;

    EventResubmission(IncompleteEventPublications publications, Duration interval, Duration minimumAge) {
        this.publications = publications;
        this.interval = interval;
        this.minimumAge = minimumAge;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof AbstractApplicationContext context)) {
            return;
        }
        localListeners = context.getApplicationListeners().stream()
                .filter(TransactionalApplicationListener.class::isInstance)
                .map(listener -> ((TransactionalApplicationListener<?>) listener).getListenerId())
                .collect(Collectors.toUnmodifiableSet());
        if (localListeners.isEmpty()) {
            return;
        }
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> stop());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("event-resubmission").daemon().factory());
        scheduler = executor;
        executor.scheduleWithFixedDelay(this::resubmit, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Resubmits the due publications of this process's listeners now. */
    void resubmit() {
        try {
            publications.resubmitIncompletePublications(this::isDue);
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next round tries again
            log.warn("Could not resubmit incomplete event publications (will retry): {}", e.toString());
        }
    }

    private boolean isDue(EventPublication publication) {
        return publication instanceof TargetEventPublication target
                && localListeners.contains(target.getTargetIdentifier().getValue())
                && publication.getPublicationDate().isBefore(Instant.now().minus(minimumAge));
    }

    private void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
