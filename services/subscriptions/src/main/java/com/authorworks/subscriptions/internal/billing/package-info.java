/** Fans' subscriptions and tips, their state machine, renewals, and the payment providers that move the money. */
package com.authorworks.subscriptions.internal.billing;
