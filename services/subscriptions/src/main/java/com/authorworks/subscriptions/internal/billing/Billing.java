package com.authorworks.subscriptions.internal.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.SubscriptionId;
import com.authorworks.subscriptions.TierId;
import com.authorworks.subscriptions.TipId;
import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.billing.PaymentProvider.Declined;
import com.authorworks.subscriptions.internal.billing.PaymentProvider.Paid;
import com.authorworks.subscriptions.internal.billing.PaymentProvider.Payment;
import com.authorworks.subscriptions.internal.billing.PaymentProvider.Redirect;
import com.authorworks.subscriptions.internal.ledger.Ledger;
import com.authorworks.subscriptions.internal.tiers.BillingInterval;
import com.authorworks.subscriptions.internal.tiers.Currencies;
import com.authorworks.subscriptions.internal.tiers.Tier;
import com.authorworks.subscriptions.internal.tiers.Tiers;

/**
 * Fans join tiers, leave and come back, and tip; renewals fall due. Each change happens under a lock
 * on the subscription (or the tier, for member caps), and every payment goes into the ledger in the
 * same transaction as the state it pays for.
 */
@Component
public class Billing {

    private static final Logger log = LoggerFactory.getLogger(Billing.class);

    /** A subscription started: either paid at once (test mode) or waiting for the fan on the provider's page. */
    public record Checkout(Subscription subscription, Optional<java.net.URI> redirect) {
    }

    public record Tip(TipId id, UserId fan, UserId creator, long amount, String currency, String message, String provider,
                      String externalId, Instant createdAt) {
    }

    private final SubscriptionRecords subscriptions;
    private final Tiers tiers;
    private final Ledger ledger;
    private final PaymentProvider provider;
    private final BillingClock clock;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final MembershipEvents events;

    Billing(SubscriptionRecords subscriptions, Tiers tiers, Ledger ledger, PaymentProvider provider, BillingClock clock, JdbcClient db,
            TransactionTemplate transactions, MembershipEvents events) {
        this.subscriptions = subscriptions;
        this.tiers = tiers;
        this.ledger = ledger;
        this.provider = provider;
        this.clock = clock;
        this.db = db;
        this.transactions = transactions;
        this.events = events;
    }

    public PaymentProvider provider() {
        return provider;
    }

    /**
     * The fan joins a tier. Refused when it is their own, archived, full, or when they are already a
     * member of this creator (a checkout left unfinished is replaced); a declined card leaves nothing.
     */
    @Transactional
    public Checkout checkout(UserId fan, TierId tierId, BillingInterval interval, String card) {
        Tier tier = tiers.lock(tierId);
        if (tier.creator().equals(fan)) {
            throw Problem.conflict("own-tier", "You cannot join your own tier.");
        }
        if (tier.archived()) {
            throw Problem.conflict("tier-archived", "This tier takes no new members.");
        }
        long price = tier.price(interval);
        Instant now = clock.instant();
        Optional<Subscription> live = subscriptions.live(fan, tier.creator());
        if (live.isPresent()) {
            if (live.get().status() != SubscriptionStatus.INCOMPLETE) {
                throw new Problem(HttpStatus.CONFLICT, "already-a-member", "You are a member of this creator already.",
                        java.util.Map.of("subscriptionId", live.get().id().toString()));
            }
            subscriptions.update(live.get().expired(now));
        }
        if (tier.memberCap() != null && subscriptions.members(tier.id()) >= tier.memberCap()) {
            throw Problem.conflict("tier-full", "This tier has no places left.");
        }
        String testCard = provider instanceof TestModeProvider ? TestModeProvider.card(card) : null;
        Subscription subscription = new Subscription(SubscriptionId.random(), fan, tier.creator(), tier.id(), provider.name(), null,
                SubscriptionStatus.INCOMPLETE, interval, price, tier.currency(), null, null, 0, null, testCard, now, now, null);
        try {
            subscriptions.insert(subscription);
        } catch (org.springframework.dao.DuplicateKeyException joinedMeanwhile) {
            throw Problem.conflict("already-a-member", "You are a member of this creator already.");
        }
        Payment payment = provider.subscribe(subscription, tier, card);
        return switch (payment) {
            case Paid paid -> {
                Subscription active = subscription.activated(now, now);
                subscriptions.update(active);
                record(active, paid, now);
                events.started(active, now);
                yield new Checkout(active, Optional.empty());
            }
            case Declined declined -> throw declined(declined);
            case Redirect redirect -> {
                Subscription waiting = new Subscription(subscription.id(), fan, tier.creator(), tier.id(), provider.name(),
                        redirect.sessionId(), SubscriptionStatus.INCOMPLETE, interval, price, tier.currency(), null, null, 0, null, null,
                        now, now, null);
                subscriptions.update(waiting);
                yield new Checkout(waiting, Optional.of(redirect.url()));
            }
        };
    }

    public List<Subscription> of(UserId fan) {
        return subscriptions.ofFan(fan);
    }

    public Subscription require(SubscriptionId id, UserId fan) {
        return subscriptions.find(id, fan).orElseThrow(Billing::notFound);
    }

    @Transactional
    public Subscription cancel(SubscriptionId id, UserId fan) {
        Subscription cancelled = change(id, fan, s -> s.cancelled(clock.instant()));
        if (cancelled.status() == SubscriptionStatus.CANCELLED_AT_PERIOD_END && cancelled.externalId() != null) {
            provider.cancelAtPeriodEnd(cancelled);
        }
        return cancelled;
    }

    @Transactional
    public Subscription resume(SubscriptionId id, UserId fan) {
        return change(id, fan, s -> {
            if (s.status() == SubscriptionStatus.CANCELLED_AT_PERIOD_END && !s.periodEnd().isAfter(clock.instant())) {
                throw Problem.conflict("not-resumable", "This subscription's period has ended; join the tier again instead.");
            }
            return s.resumed(clock.instant());
        });
    }

    /** After resuming: the provider (which renews itself) is told to renew again. */
    @Transactional
    public Subscription resumeAndTell(SubscriptionId id, UserId fan) {
        Subscription resumed = resume(id, fan);
        if (resumed.externalId() != null) {
            provider.resume(resumed);
        }
        return resumed;
    }

    /** Test mode: the card the next renewals are charged to. */
    @Transactional
    public Subscription changeTestCard(SubscriptionId id, UserId fan, String card) {
        return change(id, fan, s -> {
            if (!s.provider().equals(TestModeProvider.NAME)) {
                throw Problem.conflict("not-test-mode", "This subscription's card is changed on the payment provider's page, not here.");
            }
            return s.withTestCard(TestModeProvider.card(card), clock.instant());
        });
    }

    private Subscription change(SubscriptionId id, UserId fan, java.util.function.UnaryOperator<Subscription> transition) {
        Subscription current = subscriptions.lock(id).filter(s -> s.fan().equals(fan)).orElseThrow(Billing::notFound);
        Subscription next = transition.apply(current);
        if (next != current) {
            subscriptions.update(next);
            // what the fan did is news once: a cancellation, a resumption, or leaving while unpaid (the end of it)
            events.changed(current, next, com.authorworks.subscriptions.MembershipEnded.CANCELLED, clock.instant());
        }
        return next;
    }

    /**
     * Renews what is due at this clock's time, each subscription in its own transaction: a period
     * that ended is charged again (or ends, when cancelled), a failed payment is retried on schedule.
     * Returns how many subscriptions changed. Safe to run in several processes at once.
     */
    public int renewDue() {
        if (!provider.renewedHere()) {
            return 0;
        }
        int changed = 0;
        for (SubscriptionId id : subscriptions.due(provider.name(), clock.instant(), 200)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> renew(id)))) {
                    changed++;
                }
            } catch (RuntimeException e) {
                log.warn("Renewing subscription {} failed; trying again on the next pass", id, e);
            }
        }
        return changed;
    }

    private boolean renew(SubscriptionId id) {
        Subscription s = subscriptions.lock(id).orElseThrow();
        Instant now = clock.instant();
        Subscription next;
        switch (s.status()) {
            case CANCELLED_AT_PERIOD_END -> {
                if (s.periodEnd().isAfter(now)) {
                    return false;
                }
                next = s.expired(now);
                events.ended(next, com.authorworks.subscriptions.MembershipEnded.CANCELLED, now);
            }
            case ACTIVE -> {
                if (s.periodEnd().isAfter(now)) {
                    return false;
                }
                next = charge(s.periodAdvanced(now), now);
            }
            case PAST_DUE -> {
                if (s.nextAttemptAt() == null || s.nextAttemptAt().isAfter(now)) {
                    return false;
                }
                next = charge(s, now);
            }
            default -> {
                return false;
            }
        }
        subscriptions.update(next);
        return true;
    }

    private Subscription charge(Subscription due, Instant now) {
        return switch (provider.renew(due)) {
            case Paid paid -> {
                record(due, paid, now);
                Subscription renewed = due.paid(now);
                events.renewed(renewed, due.price(), due.currency(), paid.paymentId(), now);
                yield renewed;
            }
            case Declined declined -> {
                Subscription failed = due.paymentFailed(now);
                events.paymentFailed(failed, due.failedAttempts() + 1, now);
                yield failed;
            }
            case Redirect redirect -> throw new IllegalStateException("a renewal cannot redirect");
        };
    }

    private void record(Subscription s, Paid paid, Instant now) {
        ledger.record(new Ledger.Charge(provider.name(), paid.paymentId(), Ledger.Kind.SUBSCRIPTION, s.creator(), s.fan(), s.id().value(),
                null, s.currency(), s.price(), paid.fee(), now));
    }

    /** A one-off payment to a creator (someone with a tier); paid now or not at all. */
    @Transactional
    public Tip tip(UserId fan, UserId creator, long amount, String currency, String message, String card) {
        if (creator.equals(fan)) {
            throw Problem.conflict("own-tip", "You cannot tip yourself.");
        }
        if (tiers.of(creator, true).isEmpty()) {
            throw Problem.notFound("creator-not-found", "There is no such creator (a creator has at least one tier).");
        }
        String code = Currencies.require(currency);
        Instant now = clock.instant();
        return switch (provider.tip(fan, creator, amount, code, card)) {
            case Paid paid -> {
                TipId id = TipId.random();
                db.sql("""
                                INSERT INTO subscriptions.tips (id, fan_id, creator_id, amount, currency, message, provider, external_id, created_at)
                                VALUES (:id, :fan, :creator, :amount, :currency, :message, :provider, :external, :now)
                                """)
                        .param("id", id.value()).param("fan", fan.value()).param("creator", creator.value()).param("amount", amount)
                        .param("currency", code).param("message", message, java.sql.Types.VARCHAR).param("provider", provider.name())
                        .param("external", paid.paymentId()).param("now", Timestamp.from(now)).update();
                ledger.record(new Ledger.Charge(provider.name(), paid.paymentId(), Ledger.Kind.TIP, creator, fan, null, id.value(), code,
                        amount, paid.fee(), now));
                Tip tip = new Tip(id, fan, creator, amount, code, message, provider.name(), paid.paymentId(), now);
                events.tipped(tip);
                yield tip;
            }
            case Declined declined -> throw declined(declined);
            case Redirect redirect -> throw Problem.conflict("tips-not-supported", "Tips are not available with this payment provider yet.");
        };
    }

    /** A change of tier: the subscription as it is now, and what was charged for the rest of the period (0 for none). */
    public record TierChange(Subscription subscription, long charged, String paymentId) {
    }

    /** The smallest charge made for an upgrade's difference (Stripe's minimum); a smaller difference is not charged. */
    public static final long MIN_CHARGE = 50;

    /**
     * Test mode: the fan moves to another tier of the same creator at once. An upgrade charges the difference
     * of the prices for what is left of the paid period (pro rata, to the second, rounded half up) to the card
     * saved, into the ledger; a downgrade charges nothing and gives nothing back. Either way the new price is
     * what renewals charge. A declined card changes nothing.
     */
    @Transactional
    public TierChange changeTier(SubscriptionId id, UserId fan, TierId target) {
        Subscription current = subscriptions.lock(id).filter(s -> s.fan().equals(fan)).orElseThrow(Billing::notFound);
        if (!current.provider().equals(TestModeProvider.NAME) || !(provider instanceof TestModeProvider testMode)) {
            throw Problem.conflict("not-test-mode", "Changing tiers is available in test mode only so far.");
        }
        if (current.tier().equals(target)) {
            return new TierChange(current, 0, null);
        }
        if (current.status() != SubscriptionStatus.ACTIVE) {
            throw Problem.conflict("not-changeable", "Only an active membership changes tier; this one is "
                    + current.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".");
        }
        Tier tier = tiers.lock(target);
        if (!tier.creator().equals(current.creator())) {
            throw Problem.notFound("tier-not-found", "This creator has no such tier.");
        }
        if (tier.archived()) {
            throw Problem.conflict("tier-archived", "This tier takes no new members.");
        }
        if (!tier.currency().equals(current.currency())) {
            throw Problem.conflict("other-currency", "This tier is priced in " + tier.currency() + ", your membership in "
                    + current.currency() + "; leave and join it instead.");
        }
        long price = tier.price(current.interval());
        if (tier.memberCap() != null && subscriptions.members(tier.id()) >= tier.memberCap()) {
            throw Problem.conflict("tier-full", "This tier has no places left.");
        }
        Instant now = clock.instant();
        long charge = prorated(price - current.price(), current.periodStart(), current.periodEnd(), now);
        Subscription changed = current.withTier(tier.id(), price, now);
        String paymentId = null;
        if (charge >= MIN_CHARGE) {
            switch (testMode.chargeSaved(current, charge)) {
                case Paid paid -> {
                    ledger.record(new Ledger.Charge(TestModeProvider.NAME, paid.paymentId(), Ledger.Kind.SUBSCRIPTION, current.creator(), fan,
                            current.id().value(), null, current.currency(), charge, paid.fee(), now));
                    paymentId = paid.paymentId();
                }
                case Declined declined -> throw declined(declined);
                case Redirect redirect -> throw new IllegalStateException("test mode does not redirect");
            }
        } else {
            charge = 0;
        }
        subscriptions.update(changed);
        return new TierChange(changed, charge, paymentId);
    }

    /** The part of a price {@code difference} for what is left at {@code now} of the period, rounded half up; 0 for none. */
    static long prorated(long difference, Instant start, Instant end, Instant now) {
        if (difference <= 0 || start == null || end == null || !end.isAfter(now)) {
            return 0;
        }
        long period = Math.max(1, java.time.Duration.between(start, end).toSeconds());
        long left = Math.min(period, java.time.Duration.between(now, end).toSeconds());
        return Math.floorDiv(difference * left * 2 + period, 2 * period);
    }

    /**
     * Test mode: the creator gives back {@code amount} (all that is left when null) of a payment, into the
     * ledger; the membership it paid for is left as it is.
     */
    @Transactional
    public Ledger.Refunded refund(UserId creator, java.util.UUID transaction, Long amount) {
        Ledger.Refundable charge = ledger.refundable(transaction, creator)
                .orElseThrow(() -> Problem.notFound("payment-not-found", "There is no such payment."));
        if (!charge.provider().equals(TestModeProvider.NAME)) {
            throw Problem.conflict("refund-at-provider", "Refund this payment on the payment provider's dashboard; the refund reaches "
                    + "the ledger from there.");
        }
        long left = charge.gross() - charge.refunded();
        if (left <= 0) {
            throw Problem.conflict("already-refunded", "This payment has been refunded in full.");
        }
        long value = amount == null ? left : amount;
        if (value > left) {
            throw new Problem(HttpStatus.CONFLICT, "refund-exceeds-payment", "Only " + left + " of this payment is left to refund.",
                    java.util.Map.of("refundable", left));
        }
        try {
            Ledger.Refunded refunded = ledger.refund(new Ledger.Refund(TestModeProvider.NAME, "tm_re_" + java.util.UUID.randomUUID(),
                    charge.externalId(), value, 0, clock.instant()));
            events.refunded(refunded);
            return refunded;
        } catch (Ledger.RefundExceedsCharge meanwhile) {
            throw new Problem(HttpStatus.CONFLICT, "refund-exceeds-payment", "Only " + meanwhile.refundable
                    + " of this payment is left to refund.", java.util.Map.of("refundable", meanwhile.refundable));
        }
    }

    /**
     * Test mode: the billing clock moves forward {@code days} days, one day at a time, and what falls due
     * each day is renewed (or retried, or ends), as if the days had passed. Answers how many changes were made.
     */
    public int advanceClock(int days) {
        if (!(provider instanceof TestModeProvider)) {
            throw Problem.forbidden("test-mode-only", "The billing clock moves in test mode only; payments here go through " + provider.mode() + ".");
        }
        int changed = 0;
        for (int day = 0; day < days; day++) {
            clock.advance(java.time.Duration.ofDays(1));
            for (int pass = 0, made; pass < 24 && (made = renewDue()) > 0; pass++) {
                changed += made;
            }
        }
        return changed;
    }

    public List<Tip> tipsFrom(UserId fan) {
        return db.sql("SELECT id, fan_id, creator_id, amount, currency, message, provider, external_id, created_at FROM subscriptions.tips "
                        + "WHERE fan_id = :fan ORDER BY created_at DESC, id LIMIT 100")
                .param("fan", fan.value())
                .query((rs, row) -> new Tip(new TipId(rs.getObject("id", java.util.UUID.class)), fan,
                        new UserId(rs.getObject("creator_id", java.util.UUID.class)), rs.getLong("amount"), rs.getString("currency"),
                        rs.getString("message"), rs.getString("provider"), rs.getString("external_id"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static Problem declined(Declined declined) {
        return new Problem(HttpStatus.PAYMENT_REQUIRED, "payment-declined", declined.reason());
    }

    static Problem notFound() {
        return Problem.notFound("subscription-not-found", "There is no such subscription.");
    }
}
