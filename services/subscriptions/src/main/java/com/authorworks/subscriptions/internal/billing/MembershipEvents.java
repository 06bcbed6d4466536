package com.authorworks.subscriptions.internal.billing;

import java.time.Instant;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.authorworks.subscriptions.MembershipCancelled;
import com.authorworks.subscriptions.MembershipEnded;
import com.authorworks.subscriptions.MembershipPaymentFailed;
import com.authorworks.subscriptions.MembershipRenewed;
import com.authorworks.subscriptions.MembershipResumed;
import com.authorworks.subscriptions.MembershipStarted;
import com.authorworks.subscriptions.PaymentRefunded;
import com.authorworks.subscriptions.SubscriptionId;
import com.authorworks.subscriptions.TipId;
import com.authorworks.subscriptions.TipReceived;
import com.authorworks.subscriptions.internal.ledger.Ledger;
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
        if (ended) {
            ended(after, MembershipEnded.PAYMENT_FAILED, now);
        }
    }

    /** A period of {@code paid} after its first was paid for: {@code amount} under the provider's {@code payment} id. */
    public void renewed(Subscription paid, long amount, String currency, String payment, Instant now) {
        events.publishEvent(new MembershipRenewed(paid.id(), paid.fan(), paid.creator(), paid.tier(), tierName(paid),
                paid.interval().name().toLowerCase(Locale.ROOT), amount, currency, payment, paid.periodStart(), paid.periodEnd(), now));
    }

    /**
     * What the fan did, or what happened, from {@code before} to {@code after}: a cancellation at the period's
     * end, a resumption, or the end of a membership (one that was paid for: an unpaid checkout ends silently).
     * Failed payments and starts are announced by their own callers. Nothing when the status did not change.
     */
    public void changed(Subscription before, Subscription after, Instant now) {
        changed(before, after, null, now);
    }

    /** As {@link #changed(Subscription, Subscription, Instant)}, an end being for {@code endReason} (null: judged from {@code before}). */
    public void changed(Subscription before, Subscription after, String endReason, Instant now) {
        if (before.status() == after.status()) {
            return;
        }
        switch (after.status()) {
            case CANCELLED_AT_PERIOD_END -> {
                if (before.status() != SubscriptionStatus.INCOMPLETE) {
                    events.publishEvent(new MembershipCancelled(after.id(), after.fan(), after.creator(), after.tier(), tierName(after),
                            after.periodEnd(), now));
                }
            }
            case ACTIVE -> {
                if (before.status() == SubscriptionStatus.CANCELLED_AT_PERIOD_END) {
                    events.publishEvent(new MembershipResumed(after.id(), after.fan(), after.creator(), after.tier(), tierName(after),
                            after.periodEnd(), now));
                }
            }
            case EXPIRED -> {
                if (before.status() != SubscriptionStatus.INCOMPLETE) {
                    ended(after, endReason != null ? endReason : before.status() == SubscriptionStatus.CANCELLED_AT_PERIOD_END
                            ? MembershipEnded.CANCELLED : MembershipEnded.ENDED_BY_PROVIDER, now);
                }
            }
            default -> {
            }
        }
    }

    /** The membership {@code expired} is over, for {@code reason} (one of {@link MembershipEnded}'s). */
    public void ended(Subscription expired, String reason, Instant now) {
        events.publishEvent(new MembershipEnded(expired.id(), expired.fan(), expired.creator(), expired.tier(), tierName(expired), reason,
                expired.endedAt() != null ? expired.endedAt() : now));
    }

    /** A refund the ledger recorded (nothing when it was a duplicate or its charge is unknown). */
    public void refunded(Ledger.Refunded refunded) {
        if (refunded.outcome() != Ledger.Outcome.RECORDED) {
            return;
        }
        Ledger.Refund refund = refunded.refund();
        events.publishEvent(new PaymentRefunded(refund.externalId(), refund.chargeExternalId(), refunded.fan(), refunded.creator(),
                refunded.subscription() == null ? null : new SubscriptionId(refunded.subscription()),
                refunded.tip() == null ? null : new TipId(refunded.tip()), refund.amount(), refunded.creatorShare(), refunded.currency(),
                refund.occurredAt()));
    }

    /**
     * A provider that bills on its own (Stripe) reported {@code after}, where we had {@code before}:
     * a new subscription that now grants access started; one that is past due now and was not failed to pay;
     * one that was past due and is over ended for want of payment; otherwise as {@link #changed}.
     */
    public void reported(Subscription before, Subscription after, Instant now) {
        if (before.status() == SubscriptionStatus.INCOMPLETE
                && (after.status() == SubscriptionStatus.ACTIVE || after.status() == SubscriptionStatus.CANCELLED_AT_PERIOD_END)) {
            started(after, now);
        } else if (before.status() != SubscriptionStatus.PAST_DUE && after.status() == SubscriptionStatus.PAST_DUE) {
            paymentFailed(after, after.failedAttempts(), now);
        } else if (after.status() == SubscriptionStatus.EXPIRED && before.status() == SubscriptionStatus.PAST_DUE) {
            ended(after, MembershipEnded.PAYMENT_FAILED, now);
        } else {
            changed(before, after, now);
        }
    }

    public void tipped(Billing.Tip tip) {
        events.publishEvent(new TipReceived(tip.id(), tip.fan(), tip.creator(), tip.amount(), tip.currency(), tip.message(), tip.createdAt()));
    }

    private String tierName(Subscription s) {
        return tiers.find(s.tier()).map(Tier::name).orElse("your tier");
    }
}
