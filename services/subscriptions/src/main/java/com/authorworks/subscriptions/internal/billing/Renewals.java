package com.authorworks.subscriptions.internal.billing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Renews subscriptions this process bills (test mode) when they fall due, looking every
 * {@code authorworks.subscriptions.renewal-poll} (1 min by default). Several processes may run it:
 * each subscription is renewed under its row lock, and its state says whether it is still due.
 */
@Component
class Renewals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Renewals.class);

    private final Billing billing;
    private final Duration poll;
    private ScheduledExecutorService timer;

    Renewals(Billing billing, @Value("${authorworks.subscriptions.renewal-poll:1m}") Duration poll) {
        this.billing = billing;
        this.poll = poll;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("subscription-renewals").factory());
        timer.scheduleWithFixedDelay(this::renewDue, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renewDue() {
        try {
            int changed = billing.renewDue();
            if (changed > 0) {
                log.info("Renewed or ended {} subscription(s)", changed);
            }
        } catch (RuntimeException e) {
            log.warn("Renewing subscriptions failed; trying again in {}", poll, e);
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
