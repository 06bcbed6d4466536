package com.authorworks.subscriptions.internal.billing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.authorworks.platform.jobs.PeriodicTask;

/**
 * Renews subscriptions this process bills (test mode) when they fall due, looking every
 * {@code authorworks.subscriptions.renewal-poll} (1 min by default). Several processes may run it:
 * each subscription is renewed under its row lock, and its state says whether it is still due.
 */
@Component
class Renewals extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Renewals.class);

    private final Billing billing;

    Renewals(Billing billing, @Value("${authorworks.subscriptions.renewal-poll:1m}") Duration poll) {
        super("subscription-renewals", poll);
        this.billing = billing;
    }

    @Override
    protected void runOnce() {
        int changed = billing.renewDue();
        if (changed > 0) {
            log.info("Renewed or ended {} subscription(s)", changed);
        }
    }
}
