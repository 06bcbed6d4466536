package com.authorworks.subscriptions.internal.billing;

import java.time.Instant;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.authorworks.subscriptions.MembershipPaymentFailed;
import com.authorworks.subscriptions.MembershipStarted;
import com.authorworks.subscriptions.TipReceived;
import com.authorworks.subscriptions.internal.tiers.Tier;
import com.authorworks.subscriptions.internal.tiers.Tiers;

/**
 * Announces what happened to memberships and tips, from inside the transaction that records it (the
 * event publication registry keeps the events with the change). Callers announce a transition only
 * when the row really changed, so a repeated webhook or a renewal pass that finds nothing due
 * announces nothing. Listeners receive each at least once, so each carries what identifies it.
 */
@Component
public class MembershipEvents {

    private final ApplicationEventPublisher events;
    private final Tiers tiers;

    MembershipEvents(ApplicationEventPublisher events, Tiers tiers) {
        this.events = events;
        this.tiers = tiers;
    }

    /** The first payment of {@code active}, a new subscription, went through. */
    public void started(Subscription active, Instant now) {
        events.publishEvent(new MembershipStarted(active.id(), active.fan(), active.creator(), active.tier(), tierName(active),
                active.interval().name().toLowerCase(Locale.ROOT), active.price(), active.currency(),
                active.periodStart() != null ? active.periodStart() : now));
    }

    /**
     * A charge for {@code after}'s period failed: its {@code attempt}-th failure; {@code after} is past due
     * (retried at its next attempt) or, after the last retry, expired.
     */
    public void paymentFailed(Subscription after, int attempt, Instant now) {
        boolean ended = after.status() == SubscriptionStatus.EXPIRED;
        events.publishEvent(new MembershipPaymentFailed(after.id(), after.fan(), after.creator(), after.tier(), tierName(after),
                after.price(), after.currency(), attempt, ended ? null : after.nextAttemptAt(), ended, now));
    }

    /**
     * A provider that bills on its own (Stripe) reported {@code after}, where we had {@code before}:
     * a new subscription that now grants access started; one that is past due now and was not failed to pay.
     */
    public void reported(Subscription before, Subscription after, Instant now) {
        if (before.status() == SubscriptionStatus.INCOMPLETE
                && (after.status() == SubscriptionStatus.ACTIVE || after.status() == SubscriptionStatus.CANCELLED_AT_PERIOD_END)) {
            started(after, now);
        } else if (before.status() != SubscriptionStatus.PAST_DUE && after.status() == SubscriptionStatus.PAST_DUE) {
            paymentFailed(after, after.failedAttempts(), now);
        }
    }

    public void tipped(Billing.Tip tip) {
        events.publishEvent(new TipReceived(tip.id(), tip.fan(), tip.creator(), tip.amount(), tip.currency(), tip.message(), tip.createdAt()));
    }

    private String tierName(Subscription s) {
        return tiers.find(s.tier()).map(Tier::name).orElse("your tier");
    }
}
