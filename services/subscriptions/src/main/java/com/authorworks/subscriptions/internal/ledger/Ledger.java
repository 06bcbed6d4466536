package com.authorworks.subscriptions.internal.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.internal.BillingClock;

/**
 * Records money movements as balanced transactions. Every movement is keyed by the provider's own id
 * for it (a charge, an invoice payment, a refund), so recording it again — a webhook delivered twice,
 * a renewal retried after a crash — changes nothing. PostgreSQL itself refuses to commit a
 * transaction whose postings do not sum to zero (a deferred constraint trigger).
 */
@Component
public class Ledger {

    public enum Kind { SUBSCRIPTION, TIP, REFUND }

    public enum Outcome {
        RECORDED, DUPLICATE,
        /** A refund of a charge the ledger has not recorded yet: deliver it again later. */
        CHARGE_UNKNOWN
    }

    /** Money a fan paid: {@code gross} of which the processor kept {@code fee}. */
    public record Charge(String provider, String externalId, Kind kind, UserId creator, UserId fan, UUID subscription, UUID tip,
                         String currency, long gross, long fee, Instant occurredAt) {
    }

    /** Money given back from a recorded charge, of which the processor returned {@code feeReturned} of its fee. */
    public record Refund(String provider, String externalId, String chargeExternalId, long amount, long feeReturned,
                         Instant occurredAt) {
    }

    /** A refund as recorded: what it took back and from whom ({@code outcome} RECORDED), or why nothing was recorded. */
    public record Refunded(Outcome outcome, Refund refund, UserId creator, UserId fan, UUID subscription, UUID tip, String currency,
                           long creatorShare) {
    }

    /** One transaction as a creator's statement shows it (refunds with negative amounts). */
    public record Entry(UUID id, Kind kind, String provider, String externalId, String currency, long gross, long fee,
                        long platform, long creator, Instant occurredAt) {
    }

    /** Sums per currency of a creator's transactions. */
    public record Totals(String currency, long gross, long fees, long platform, long creator, long transactions) {
    }

    private final JdbcClient db;
    private final Clock clock;

    Ledger(JdbcClient db, BillingClock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public Outcome record(Charge charge) {
        Split split = Split.of(charge.gross(), charge.fee());
        UUID id = UUID.randomUUID();
        int inserted = db.sql("""
                        INSERT INTO subscriptions.ledger_transactions
                            (id, kind, provider, external_id, refund_of, creator_id, fan_id, subscription_id, tip_id, currency, occurred_at, recorded_at)
                        VALUES (:id, :kind, :provider, :external, NULL, :creator, :fan, :subscription, :tip, :currency, :occurred, :now)
                        ON CONFLICT (provider, external_id) DO NOTHING
                        """)
                .param("id", id).param("kind", charge.kind().name()).param("provider", charge.provider())
                .param("external", charge.externalId()).param("creator", charge.creator().value())
                .param("fan", charge.fan() == null ? null : charge.fan().value(), java.sql.Types.OTHER)
                .param("subscription", charge.subscription(), java.sql.Types.OTHER)
                .param("tip", charge.tip(), java.sql.Types.OTHER)
                .param("currency", charge.currency())
                .param("occurred", Timestamp.from(charge.occurredAt())).param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        post(id, split.postings(1));
        return Outcome.RECORDED;
    }

    /**
     * Records a refund of a recorded charge. The charge is locked while its refunded total is read, so
     * refunds of one charge delivered at once never take back more than it was.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Outcome record(Refund refund) {
        return refund(refund).outcome();
    }

    /** As {@link #record(Refund)}, answering what the refund took back when it was recorded. */
    @Transactional(propagation = Propagation.REQUIRED)
    public Refunded refund(Refund refund) {
        if (db.sql("SELECT 1 FROM subscriptions.ledger_transactions WHERE provider = :provider AND external_id = :external")
                .param("provider", refund.provider()).param("external", refund.externalId()).query().listOfRows().size() > 0) {
            return nothing(Outcome.DUPLICATE, refund);
        }
        Optional<Map<String, Object>> found = db.sql("""
                        SELECT id, creator_id, fan_id, subscription_id, tip_id, currency FROM subscriptions.ledger_transactions
                        WHERE provider = :provider AND external_id = :external AND refund_of IS NULL FOR UPDATE
                        """)
                .param("provider", refund.provider()).param("external", refund.chargeExternalId())
                .query().listOfRows().stream().findFirst();
        if (found.isEmpty()) {
            return nothing(Outcome.CHARGE_UNKNOWN, refund);
        }
        Map<String, Object> charge = found.get();
        UUID chargeId = (UUID) charge.get("id");
        // looked for again under the charge's lock: a second delivery of this refund waited for the first
        if (db.sql("SELECT 1 FROM subscriptions.ledger_transactions WHERE provider = :provider AND external_id = :external")
                .param("provider", refund.provider()).param("external", refund.externalId()).query().listOfRows().size() > 0) {
            return nothing(Outcome.DUPLICATE, refund);
        }
        Map<Account, Long> original = balances(chargeId);
        Split chargeSplit = Split.of(-original.get(Account.FAN_PAYMENTS), original.get(Account.PROCESSOR_FEES));
        long before = db.sql("""
                        SELECT coalesce(sum(p.amount), 0) FROM subscriptions.ledger_postings p
                        JOIN subscriptions.ledger_transactions t ON t.id = p.transaction_id
                        WHERE t.refund_of = :charge AND p.account = 'FAN_PAYMENTS'
                        """)
                .param("charge", chargeId).query(Long.class).single();
        long after = before + refund.amount();
        if (refund.amount() <= 0 || after > chargeSplit.gross()) {
            throw new RefundExceedsCharge(chargeSplit.gross() - before);
        }
        Split split = Split.refund(chargeSplit, before, after, refund.feeReturned());
        UUID id = UUID.randomUUID();
        db.sql("""
                        INSERT INTO subscriptions.ledger_transactions
                            (id, kind, provider, external_id, refund_of, creator_id, fan_id, subscription_id, tip_id, currency, occurred_at, recorded_at)
                        VALUES (:id, 'REFUND', :provider, :external, :charge, :creator, :fan, :subscription, :tip, :currency, :occurred, :now)
                        """)
                .param("id", id).param("provider", refund.provider()).param("external", refund.externalId())
                .param("charge", chargeId).param("creator", charge.get("creator_id"))
                .param("fan", charge.get("fan_id"), java.sql.Types.OTHER)
                .param("subscription", charge.get("subscription_id"), java.sql.Types.OTHER)
                .param("tip", charge.get("tip_id"), java.sql.Types.OTHER)
                .param("currency", charge.get("currency"))
                .param("occurred", Timestamp.from(refund.occurredAt())).param("now", Timestamp.from(clock.instant()))
                .update();
        post(id, split.postings(-1));
        return new Refunded(Outcome.RECORDED, refund, new UserId((UUID) charge.get("creator_id")),
                charge.get("fan_id") == null ? null : new UserId((UUID) charge.get("fan_id")), (UUID) charge.get("subscription_id"),
                (UUID) charge.get("tip_id"), (String) charge.get("currency"), split.creator());
    }

    private static Refunded nothing(Outcome outcome, Refund refund) {
        return new Refunded(outcome, refund, null, null, null, null, null, 0);
    }

    /** A charge (not a refund) of the creator's, by the ledger's id for it, with what is left of it to refund. */
    public record Refundable(UUID id, String provider, String externalId, String currency, long gross, long refunded) {
    }

    public Optional<Refundable> refundable(UUID transaction, UserId creator) {
        return db.sql("""
                        SELECT t.id, t.provider, t.external_id, t.currency,
                               (SELECT -p.amount FROM subscriptions.ledger_postings p WHERE p.transaction_id = t.id AND p.account = 'FAN_PAYMENTS') AS gross,
                               (SELECT coalesce(sum(p.amount), 0) FROM subscriptions.ledger_postings p JOIN subscriptions.ledger_transactions r
                                    ON r.id = p.transaction_id WHERE r.refund_of = t.id AND p.account = 'FAN_PAYMENTS') AS refunded
                        FROM subscriptions.ledger_transactions t
                        WHERE t.id = :id AND t.creator_id = :creator AND t.refund_of IS NULL
                        """)
                .param("id", transaction).param("creator", creator.value())
                .query((rs, row) -> new Refundable(rs.getObject("id", UUID.class), rs.getString("provider"), rs.getString("external_id"),
                        rs.getString("currency"), rs.getLong("gross"), rs.getLong("refunded")))
                .optional();
    }

    /** Whether a charge for this subscription other than {@code externalId} is recorded (a renewal's is not the first). */
    public boolean chargedBefore(UUID subscription, String externalId) {
        return db.sql("""
                        SELECT count(*) FROM subscriptions.ledger_transactions WHERE subscription_id = :subscription AND refund_of IS NULL
                            AND kind = 'SUBSCRIPTION' AND external_id <> :external
                        """)
                .param("subscription", subscription).param("external", externalId).query(Long.class).single() > 0;
    }

    /** A refund larger than what is left of its charge. */
    public static final class RefundExceedsCharge extends RuntimeException {
        public final long refundable;

        RefundExceedsCharge(long refundable) {
            super("only " + refundable + " of the charge is left to refund", null, false, false);
            this.refundable = refundable;
        }
    }

    private void post(UUID transaction, Map<Account, Long> postings) {
        postings.forEach((account, amount) -> db.sql(
                        "INSERT INTO subscriptions.ledger_postings (transaction_id, account, amount) VALUES (:tx, :account, :amount)")
                .param("tx", transaction).param("account", account.name()).param("amount", amount).update());
    }

    private Map<Account, Long> balances(UUID transaction) {
        Map<Account, Long> balances = new LinkedHashMap<>();
        db.sql("SELECT account, amount FROM subscriptions.ledger_postings WHERE transaction_id = :tx")
                .param("tx", transaction)
                .query((rs, row) -> balances.put(Account.valueOf(rs.getString("account")), rs.getLong("amount")))
                .list();
        return balances;
    }

    /** The creator's totals per currency: gross (refunds subtracted), the processor's fees, the platform's and their own share. */
    public List<Totals> totals(UserId creator) {
        return db.sql("""
                        SELECT t.currency,
                               -sum(p.amount) FILTER (WHERE p.account = 'FAN_PAYMENTS') AS gross,
                               sum(p.amount) FILTER (WHERE p.account = 'PROCESSOR_FEES') AS fees,
                               sum(p.amount) FILTER (WHERE p.account = 'PLATFORM') AS platform,
                               sum(p.amount) FILTER (WHERE p.account = 'CREATOR') AS creator,
                               count(DISTINCT t.id) AS transactions
                        FROM subscriptions.ledger_transactions t JOIN subscriptions.ledger_postings p ON p.transaction_id = t.id
                        WHERE t.creator_id = :creator GROUP BY t.currency ORDER BY t.currency
                        """)
                .param("creator", creator.value())
                .query((rs, row) -> new Totals(rs.getString("currency"), rs.getLong("gross"), rs.getLong("fees"), rs.getLong("platform"),
                        rs.getLong("creator"), rs.getLong("transactions")))
                .list();
    }

    /** The creator's latest transactions, newest first. */
    public List<Entry> entries(UserId creator, int limit) {
        return db.sql("""
                        SELECT t.id, t.kind, t.provider, t.external_id, t.currency, t.occurred_at,
                               -sum(p.amount) FILTER (WHERE p.account = 'FAN_PAYMENTS') AS gross,
                               sum(p.amount) FILTER (WHERE p.account = 'PROCESSOR_FEES') AS fee,
                               sum(p.amount) FILTER (WHERE p.account = 'PLATFORM') AS platform,
                               sum(p.amount) FILTER (WHERE p.account = 'CREATOR') AS creator
                        FROM subscriptions.ledger_transactions t JOIN subscriptions.ledger_postings p ON p.transaction_id = t.id
                        WHERE t.creator_id = :creator
                        GROUP BY t.id ORDER BY t.occurred_at DESC, t.recorded_at DESC, t.id LIMIT :limit
                        """)
                .param("creator", creator.value()).param("limit", limit)
                .query((rs, row) -> new Entry(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), rs.getString("provider"),
                        rs.getString("external_id"), rs.getString("currency"), rs.getLong("gross"), rs.getLong("fee"),
                        rs.getLong("platform"), rs.getLong("creator"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
