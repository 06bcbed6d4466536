package com.authorworks.subscriptions.internal.tiers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.TierId;
import com.authorworks.subscriptions.internal.BillingClock;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code subscriptions.tiers} table, and the rule that only a creator changes their own tiers. */
@Component
public class Tiers {

    /** Enough for free, supporter, patron and a few specials; more is a price list nobody reads. */
    public static final int MAX_LIVE_TIERS = 10;

    /** What a creator says a tier is; prices in minor units. */
    public record Terms(String name, long monthlyPrice, Long annualPrice, String currency, List<String> benefits,
                        Integer memberCap, String welcomeMessage) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, creator_id, name, monthly_price, annual_price, currency, benefits, member_cap, "
            + "welcome_message, archived_at, created_at, updated_at";

    private final JdbcClient db;
    private final Clock clock;

    Tiers(JdbcClient db, BillingClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The creator's tiers, cheapest first; archived ones only when {@code withArchived}. */
    public List<Tier> of(UserId creator, boolean withArchived) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriptions.tiers WHERE creator_id = :creator"
                        + (withArchived ? "" : " AND archived_at IS NULL") + " ORDER BY monthly_price, created_at, id")
                .param("creator", creator.value())
                .query(Tiers::map)
                .list();
    }

    public Optional<Tier> find(TierId id) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriptions.tiers WHERE id = :id")
                .param("id", id.value()).query(Tiers::map).optional();
    }

    /** The tier, or 404 when it is not this creator's (so another creator's tier id finds nothing here). */
    public Tier require(UserId creator, TierId id) {
        return find(id).filter(tier -> tier.creator().equals(creator)).orElseThrow(Tiers::notFound);
    }

    /** The tier locked for the rest of the transaction, so member caps hold under concurrent checkouts. */
    public Tier lock(TierId id) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriptions.tiers WHERE id = :id FOR UPDATE")
                .param("id", id.value()).query(Tiers::map).optional().orElseThrow(Tiers::notFound);
    }

    @Transactional
    public Tier create(CurrentUser caller, UserId creator, Terms terms) {
        mustBeTheCreator(caller, creator);
        // one creator's tiers are counted under a lock on their first, so two creates cannot both pass the limit
        db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:creator, 0))").param("creator", creator.toString()).query().listOfRows();
        long live = db.sql("SELECT count(*) FROM subscriptions.tiers WHERE creator_id = :creator AND archived_at IS NULL")
                .param("creator", creator.value()).query(Long.class).single();
        if (live >= MAX_LIVE_TIERS) {
            throw Problem.conflict("too-many-tiers", "A creator has at most " + MAX_LIVE_TIERS + " tiers; archive one first.");
        }
        Terms valid = validate(terms);
        TierId id = TierId.random();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            db.sql("INSERT INTO subscriptions.tiers (" + COLUMNS + ") VALUES (:id, :creator, :name, :monthly, :annual, :currency, "
                            + "CAST(:benefits AS jsonb), :cap, :welcome, NULL, :now, :now)")
                    .paramSource(params(valid).addValue("id", id.value()).addValue("creator", creator.value()).addValue("now", now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(valid.name());
        }
        return find(id).orElseThrow();
    }

    /**
     * Replaces the tier's terms. Members keep the price they joined at until they leave; the new
     * price is for those who join from now on.
     */
    @Transactional
    public Tier update(CurrentUser caller, UserId creator, TierId id, Terms terms) {
        mustBeTheCreator(caller, creator);
        Tier tier = require(creator, id);
        if (tier.archived()) {
            throw Problem.conflict("tier-archived", "This tier is archived; create a new one instead.");
        }
        Terms valid = validate(terms);
        try {
            db.sql("UPDATE subscriptions.tiers SET name = :name, monthly_price = :monthly, annual_price = :annual, currency = :currency, "
                            + "benefits = CAST(:benefits AS jsonb), member_cap = :cap, welcome_message = :welcome, updated_at = :now "
                            + "WHERE id = :id")
                    .paramSource(params(valid).addValue("id", id.value()).addValue("now", Timestamp.from(clock.instant())))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(valid.name());
        }
        return find(id).orElseThrow();
    }

    /** Archives the tier: nobody new joins it; archiving it again changes nothing. */
    @Transactional
    public Tier archive(CurrentUser caller, UserId creator, TierId id) {
        mustBeTheCreator(caller, creator);
        require(creator, id);
        db.sql("UPDATE subscriptions.tiers SET archived_at = :now, updated_at = :now WHERE id = :id AND archived_at IS NULL")
                .param("id", id.value()).param("now", Timestamp.from(clock.instant())).update();
        return find(id).orElseThrow();
    }

    /** Tiers are public, so whose they are is no secret: someone else is told "forbidden", not "not found". */
    static void mustBeTheCreator(CurrentUser caller, UserId creator) {
        if (!caller.id().equals(creator)) {
            throw Problem.forbidden("not-the-creator", "Only the creator changes their tiers.");
        }
    }

    /** What bean validation cannot say alone: the currency, and that a year costs more than a month. */
    static Terms validate(Terms terms) {
        String currency = Currencies.require(terms.currency());
        if (terms.annualPrice() != null && terms.annualPrice() < terms.monthlyPrice()) {
            throw Problem.badRequest("annual-below-monthly", "annualPrice must be at least monthlyPrice (a year costs more than a month).");
        }
        List<String> benefits = terms.benefits() == null ? List.of()
                : terms.benefits().stream().map(String::strip).filter(b -> !b.isEmpty()).toList();
        String welcome = terms.welcomeMessage() == null || terms.welcomeMessage().isBlank() ? null : terms.welcomeMessage().strip();
        return new Terms(terms.name().strip(), terms.monthlyPrice(), terms.annualPrice(), currency, benefits, terms.memberCap(), welcome);
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Terms terms) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("name", terms.name())
                .addValue("monthly", terms.monthlyPrice())
                .addValue("annual", terms.annualPrice(), java.sql.Types.BIGINT)
                .addValue("currency", terms.currency())
                .addValue("benefits", JSON.writeValueAsString(terms.benefits()))
                .addValue("cap", terms.memberCap(), java.sql.Types.INTEGER)
                .addValue("welcome", terms.welcomeMessage(), java.sql.Types.VARCHAR);
    }

    static Problem notFound() {
        return Problem.notFound("tier-not-found", "There is no such tier.");
    }

    private static Problem nameTaken(String name) {
        return Problem.conflict("tier-name-taken", "You already have a tier named '" + name + "'.");
    }

    private static Tier map(ResultSet rs, int row) throws SQLException {
        long annual = rs.getLong("annual_price");
        Long annualPrice = rs.wasNull() ? null : annual;
        int cap = rs.getInt("member_cap");
        Integer memberCap = rs.wasNull() ? null : cap;
        return new Tier(new TierId(rs.getObject("id", java.util.UUID.class)), new UserId(rs.getObject("creator_id", java.util.UUID.class)),
                rs.getString("name"), rs.getLong("monthly_price"), annualPrice, rs.getString("currency"),
                JSON.readValue(rs.getString("benefits"), new TypeReference<List<String>>() { }), memberCap,
                rs.getString("welcome_message"), instant(rs.getTimestamp("archived_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
