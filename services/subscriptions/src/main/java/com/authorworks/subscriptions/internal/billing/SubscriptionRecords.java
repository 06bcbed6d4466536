package com.authorworks.subscriptions.internal.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.SubscriptionId;
import com.authorworks.subscriptions.TierId;
import com.authorworks.subscriptions.internal.tiers.BillingInterval;

/** The {@code subscriptions.subscriptions} table. A fan's lookups are by fan: nobody reaches another's subscription. */
@Repository
public class SubscriptionRecords {

    private static final String COLUMNS = "id, fan_id, creator_id, tier_id, provider, external_id, status, billing_interval, price, "
            + "currency, current_period_start, current_period_end, failed_attempts, next_attempt_at, test_card, created_at, updated_at, ended_at";

    private final JdbcClient db;

    SubscriptionRecords(JdbcClient db) {
        this.db = db;
    }

    public void insert(Subscription s) {
        db.sql("INSERT INTO subscriptions.subscriptions (" + COLUMNS + ") VALUES (:id, :fan, :creator, :tier, :provider, :external, "
                        + ":status, :interval, :price, :currency, :start, :end, :attempts, :next, :card, :created, :updated, :ended)")
                .paramSource(params(s)).update();
    }

    public void update(Subscription s) {
        db.sql("""
                        UPDATE subscriptions.subscriptions SET tier_id = :tier, price = :price, external_id = :external, status = :status, current_period_start = :start,
                            current_period_end = :end, failed_attempts = :attempts, next_attempt_at = :next, test_card = :card,
                            updated_at = :updated, ended_at = :ended
                        WHERE id = :id
                        """)
                .paramSource(params(s)).update();
    }

    /** The fan's subscription, or empty when it is not theirs. */
    public Optional<Subscription> find(SubscriptionId id, UserId fan) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriptions.subscriptions WHERE id = :id AND fan_id = :fan")
                .param("id", id.value()).param("fan", fan.value()).query(SubscriptionRecords::map).optional();
    }

    /** The subscription locked until the transaction ends, so its transitions happen one at a time. */
    public Optional<Subscription> lock(SubscriptionId id) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriptions.subscriptions WHERE id = :id FOR UPDATE")
                .param("id", id.value()).query(SubscriptionRecords::map).optional();
    }

    public Optional<Subscription> lockByExternalId(String provider, String externalId) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriptions.subscriptions WHERE provider = :provider AND external_id = :external FOR UPDATE")
                .param("provider", provider).param("external", externalId).query(SubscriptionRecords::map).optional();
    }

    public List<Subscription> ofFan(UserId fan) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriptions.subscriptions WHERE fan_id = :fan ORDER BY created_at DESC, id")
                .param("fan", fan.value()).query(SubscriptionRecords::map).list();
    }

    /** The fan's subscription to this creator that has not expired, if any. */
    public Optional<Subscription> live(UserId fan, UserId creator) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriptions.subscriptions WHERE fan_id = :fan AND creator_id = :creator "
                        + "AND status <> 'EXPIRED' FOR UPDATE")
                .param("fan", fan.value()).param("creator", creator.value()).query(SubscriptionRecords::map).optional();
    }

    /** Members of a tier: subscriptions of it that have not expired. */
    public long members(TierId tier) {
        return db.sql("SELECT count(*) FROM subscriptions.subscriptions WHERE tier_id = :tier AND status <> 'EXPIRED'")
                .param("tier", tier.value()).query(Long.class).single();
    }

    /** Per tier of a creator: members (subscriptions that have not expired nor stopped renewing or not) and monthly recurring revenue. */
    public record TierStanding(TierId tier, String currency, long members, long renewing, long monthlyRevenue) {
    }

    /**
     * A creator's members per tier: {@code members} counts subscriptions that are paid for now (active, past due,
     * cancelled but not over); {@code renewing} and {@code monthlyRevenue} (an annual price counts a twelfth,
     * rounded) only those that will renew (active, past due).
     */
    public List<TierStanding> standings(UserId creator) {
        return db.sql("""
                        SELECT tier_id, currency,
                               count(*) FILTER (WHERE status IN ('ACTIVE', 'PAST_DUE', 'CANCELLED_AT_PERIOD_END')) AS members,
                               count(*) FILTER (WHERE status IN ('ACTIVE', 'PAST_DUE')) AS renewing,
                               coalesce(round(sum(CASE WHEN billing_interval = 'ANNUAL' THEN price / 12.0 ELSE price END)
                                   FILTER (WHERE status IN ('ACTIVE', 'PAST_DUE'))), 0)::bigint AS mrr
                        FROM subscriptions.subscriptions WHERE creator_id = :creator GROUP BY tier_id, currency
                        """)
                .param("creator", creator.value())
                .query((rs, row) -> new TierStanding(new TierId(rs.getObject("tier_id", UUID.class)), rs.getString("currency"),
                        rs.getLong("members"), rs.getLong("renewing"), rs.getLong("mrr")))
                .list();
    }

    /** Subscriptions of {@code provider} whose period ended or whose retry is due by {@code now}. */
    public List<SubscriptionId> due(String provider, Instant now, int limit) {
        return db.sql("""
                        SELECT id FROM subscriptions.subscriptions WHERE provider = :provider AND (
                            (status IN ('ACTIVE', 'CANCELLED_AT_PERIOD_END') AND current_period_end <= :now)
                            OR (status = 'PAST_DUE' AND next_attempt_at <= :now))
                        ORDER BY coalesce(next_attempt_at, current_period_end) LIMIT :limit
                        """)
                .param("provider", provider).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, row) -> new SubscriptionId(rs.getObject("id", UUID.class))).list();
    }

    private static MapSqlParameterSource params(Subscription s) {
        return new MapSqlParameterSource()
                .addValue("id", s.id().value()).addValue("fan", s.fan().value()).addValue("creator", s.creator().value())
                .addValue("tier", s.tier().value()).addValue("provider", s.provider()).addValue("external", s.externalId(), Types.VARCHAR)
                .addValue("status", s.status().name()).addValue("interval", s.interval().name()).addValue("price", s.price())
                .addValue("currency", s.currency()).addValue("start", timestamp(s.periodStart()), Types.TIMESTAMP)
                .addValue("end", timestamp(s.periodEnd()), Types.TIMESTAMP).addValue("attempts", s.failedAttempts())
                .addValue("next", timestamp(s.nextAttemptAt()), Types.TIMESTAMP).addValue("card", s.testCard(), Types.VARCHAR)
                .addValue("created", timestamp(s.createdAt())).addValue("updated", timestamp(s.updatedAt()))
                .addValue("ended", timestamp(s.endedAt()), Types.TIMESTAMP);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(new SubscriptionId(rs.getObject("id", UUID.class)), new UserId(rs.getObject("fan_id", UUID.class)),
                new UserId(rs.getObject("creator_id", UUID.class)), new TierId(rs.getObject("tier_id", UUID.class)),
                rs.getString("provider"), rs.getString("external_id"), SubscriptionStatus.valueOf(rs.getString("status")),
                BillingInterval.valueOf(rs.getString("billing_interval")), rs.getLong("price"), rs.getString("currency"),
                instant(rs.getTimestamp("current_period_start")), instant(rs.getTimestamp("current_period_end")),
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("test_card"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("ended_at")));
    }
}
