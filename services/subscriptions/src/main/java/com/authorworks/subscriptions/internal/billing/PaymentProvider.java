package com.authorworks.subscriptions.internal.billing;

import java.net.URI;

import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.internal.tiers.Tier;

/**
 * What moves the money: the offline test-mode provider by default, Stripe when its keys are set.
 * The state machine and the ledger are the same for both; only how a payment happens differs.
 */
public interface PaymentProvider {

    /** The name rows are stored under ({@code test-mode}, {@code stripe}). */
    String name();

    /** How every response carrying this provider's data labels it ({@code "test mode"}: no real money moved). */
    String mode();

    /** What a checkout, a renewal or a tip came to. */
    sealed interface Payment permits Paid, Declined, Redirect {
    }

    /** Paid now: the provider's id for the payment and the fee it kept. */
    record Paid(String paymentId, long fee) implements Payment {
    }

    /** Refused, in words the fan can act on. */
    record Declined(String reason) implements Payment {
    }

    /** The fan pays on the provider's page; the provider tells us the outcome later (webhooks). */
    record Redirect(URI url, String sessionId) implements Payment {
    }

    /** Starts a new subscription's first payment. */
    Payment subscribe(Subscription subscription, Tier tier, String card);

    /**
     * Charges the current period of a subscription whose period this process advanced. Providers
     * that renew subscriptions themselves (Stripe) are never asked.
     */
    Payment renew(Subscription subscription);

    /** Whether this process renews this provider's subscriptions (test mode) or the provider does and tells us (Stripe). */
    boolean renewedHere();

    /** The fan cancelled at the end of the period: a provider that renews itself is told not to. */
    default void cancelAtPeriodEnd(Subscription subscription) {
    }

    /** The fan resumed a cancelled subscription before its period ended. */
    default void resume(Subscription subscription) {
    }

    /** A one-off payment to a creator. */
    Payment tip(UserId fan, UserId creator, long amount, String currency, String card);
}
