package com.authorworks.subscriptions.internal.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.SubscriptionId;
import com.authorworks.subscriptions.TierId;
import com.authorworks.subscriptions.internal.tiers.BillingInterval;

/**
 * A fan's subscription to a creator's tier. Its transitions are named for what happened; one that
 * cannot happen in the current state is a 409 problem, and one that already happened changes nothing.
 */
public record Subscription(SubscriptionId id, UserId fan, UserId creator, TierId tier, String provider, String externalId,
                           SubscriptionStatus status, BillingInterval interval, long price, String currency,
                           Instant periodStart, Instant periodEnd, int failedAttempts, Instant nextAttemptAt, String testCard,
                           Instant createdAt, Instant updatedAt, Instant endedAt) {

    /** After a renewal fails, it is tried again after these delays; when the last retry fails too, the subscription expires. */
    public static final List<Duration> RETRIES = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

    /** Whether the fan may read what the tier unlocks at {@code now}. A renewal being retried keeps access meanwhile. */
    public boolean grantsAccess(Instant now) {
        return switch (status) {
            case ACTIVE, PAST_DUE -> true;
            case CANCELLED_AT_PERIOD_END -> periodEnd != null && now.isBefore(periodEnd);
            case INCOMPLETE, EXPIRED -> false;
        };
    }

    /** The first payment went through: the first period starts. */
    public Subscription activated(Instant start, Instant now) {
        if (status != SubscriptionStatus.INCOMPLETE) {
            return this;
        }
        return with(SubscriptionStatus.ACTIVE, start, interval.after(start), 0, null, now, null);
    }

    /** The period ended and the next one is due: it starts now (paid or not yet). */
    public Subscription periodAdvanced(Instant now) {
        require(status == SubscriptionStatus.ACTIVE, "only an active subscription renews");
        return with(status, periodEnd, interval.after(periodEnd), 0, null, now, null);
    }

    /** The current period's payment went through (at renewal or on a retry). */
    public Subscription paid(Instant now) {
        return with(SubscriptionStatus.ACTIVE, periodStart, periodEnd, 0, null, now, null);
    }

    /** The current period's payment failed: retried later, or, after the last retry, the subscription expires. */
    public Subscription paymentFailed(Instant now) {
        int attempts = failedAttempts + 1;
        if (attempts > RETRIES.size()) {
            return expired(now);
        }
        return with(SubscriptionStatus.PAST_DUE, periodStart, periodEnd, attempts, now.plus(RETRIES.get(attempts - 1)), now, null);
    }

    /**
     * The fan cancels: a paid period runs to its end; an unpaid one (incomplete, past due) ends now.
     * Cancelling again changes nothing.
     */
    public Subscription cancelled(Instant now) {
        return switch (status) {
            case ACTIVE -> with(SubscriptionStatus.CANCELLED_AT_PERIOD_END, periodStart, periodEnd, 0, null, now, null);
            case INCOMPLETE, PAST_DUE -> expired(now);
            case CANCELLED_AT_PERIOD_END -> this;
            case EXPIRED -> throw Problem.conflict("subscription-ended", "This subscription has ended; join the tier again instead.");
        };
    }

    /** The fan changes their mind before the period ends: it renews again. Resuming an active one changes nothing. */
    public Subscription resumed(Instant now) {
        return switch (status) {
            case CANCELLED_AT_PERIOD_END -> with(SubscriptionStatus.ACTIVE, periodStart, periodEnd, 0, null, now, null);
            case ACTIVE -> this;
            case INCOMPLETE, PAST_DUE, EXPIRED -> throw Problem.conflict("not-resumable",
                    "Only a subscription cancelled at the end of its period can be resumed; this one is " + status.name().toLowerCase() + ".");
        };
    }

    public Subscription expired(Instant now) {
        if (status == SubscriptionStatus.EXPIRED) {
            return this;
        }
        return with(SubscriptionStatus.EXPIRED, periodStart, periodEnd, failedAttempts, null, now, now);
    }

    /**
     * What the provider reports now (re-fetched from it, never taken from an event's copy). An
     * expired subscription stays expired: a provider's ended subscription never comes back.
     */
    public Subscription asReported(String externalId, SubscriptionStatus reported, Instant start, Instant end, Instant now) {
        if (status == SubscriptionStatus.EXPIRED) {
            return this;
        }
        Instant ended = reported == SubscriptionStatus.EXPIRED ? now : null;
        return new Subscription(id, fan, creator, tier, provider, externalId, reported, interval, price, currency, start, end,
                reported == SubscriptionStatus.PAST_DUE ? Math.max(1, failedAttempts) : 0, null, testCard, createdAt, now, ended);
    }

    /** The fan moved to another tier of the same creator: its price applies from now, and to every renewal. */
    public Subscription withTier(TierId other, long otherPrice, Instant now) {
        return new Subscription(id, fan, creator, other, provider, externalId, status, interval, otherPrice, currency, periodStart, periodEnd,
                failedAttempts, nextAttemptAt, testCard, createdAt, now, endedAt);
    }

    public Subscription withTestCard(String card, Instant now) {
        return new Subscription(id, fan, creator, tier, provider, externalId, status, interval, price, currency, periodStart, periodEnd,
                failedAttempts, nextAttemptAt, card, createdAt, now, endedAt);
    }

    private Subscription with(SubscriptionStatus status, Instant start, Instant end, int attempts, Instant nextAttempt, Instant now,
                              Instant ended) {
        return new Subscription(id, fan, creator, tier, provider, externalId, status, interval, price, currency, start, end, attempts,
                nextAttempt, testCard, createdAt, now, ended == null ? endedAt : ended);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
