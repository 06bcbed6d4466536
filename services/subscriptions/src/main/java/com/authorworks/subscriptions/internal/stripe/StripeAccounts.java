package com.authorworks.subscriptions.internal.stripe;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.StripeKeys;
import com.stripe.model.Account;

import tools.jackson.databind.json.JsonMapper;

/** The {@code subscriptions.stripe_accounts} table: each creator's Express account and whether it can take payments. */
@Repository
@Conditional(StripeKeys.Configured.class)
class StripeAccounts {

    record ConnectedAccount(UserId creator, String accountId, boolean chargesEnabled, boolean detailsSubmitted, List<String> requirementsDue) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final BillingClock clock;

    StripeAccounts(JdbcClient db, BillingClock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<ConnectedAccount> of(UserId creator) {
        return db.sql("SELECT creator_id, account_id, charges_enabled, details_submitted, requirements_due FROM subscriptions.stripe_accounts "
                        + "WHERE creator_id = :creator")
                .param("creator", creator.value())
                .query((rs, row) -> new ConnectedAccount(creator, rs.getString("account_id"), rs.getBoolean("charges_enabled"),
                        rs.getBoolean("details_submitted"), List.of(JSON.readValue(rs.getString("requirements_due"), String[].class))))
                .optional();
    }

    /** Remembers the creator's new account; a second one made meanwhile loses to the first. */
    ConnectedAccount add(UserId creator, String accountId) {
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("INSERT INTO subscriptions.stripe_accounts (creator_id, account_id, created_at, updated_at) VALUES (:creator, :account, :now, :now) "
                        + "ON CONFLICT (creator_id) DO NOTHING")
                .param("creator", creator.value()).param("account", accountId).param("now", now).update();
        return of(creator).orElseThrow();
    }

    /** What Stripe says of the account now (re-fetched, so a late event cannot bring back an older state). */
    void update(Account account) {
        List<String> due = account.getRequirements() == null || account.getRequirements().getCurrentlyDue() == null ? List.of()
                : account.getRequirements().getCurrentlyDue();
        db.sql("UPDATE subscriptions.stripe_accounts SET charges_enabled = :charges, details_submitted = :details, "
                        + "requirements_due = CAST(:due AS jsonb), updated_at = :now WHERE account_id = :account")
                .param("charges", Boolean.TRUE.equals(account.getChargesEnabled()))
                .param("details", Boolean.TRUE.equals(account.getDetailsSubmitted()))
                .param("due", JSON.writeValueAsString(due)).param("now", Timestamp.from(clock.instant()))
                .param("account", account.getId()).update();
    }
}
