package com.authorworks.subscriptions.internal;

import org.springframework.stereotype.Component;

import com.authorworks.platform.time.MovableClock;

/**
 * The time billing runs on: the system clock, which tests (and nobody else) move forward to make
 * periods end, renewals fall due and retries run out without waiting a month.
 */
@Component
public class BillingClock extends MovableClock {
}
