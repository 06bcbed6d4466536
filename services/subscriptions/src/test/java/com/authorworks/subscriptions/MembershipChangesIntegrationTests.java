package com.authorworks.subscriptions;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static com.authorworks.subscriptions.TiersIntegrationTests.tier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.billing.TestModeProvider;

import tools.jackson.databind.JsonNode;

/**
 * In test mode over real HTTP: a fan moves between a creator's tiers (an upgrade charged the difference for
 * the rest of the period, into the ledger, which still splits 80/20 to the cent), the test clock renews at
 * the new price, and the creator's dashboard counts members by tier, monthly recurring revenue and earnings.
 */
class MembershipChangesIntegrationTests extends ServiceIntegrationTest {

    @Autowired
    BillingClock clock;

    String tierOf(Api creator, String name, long monthly, Object... more) {
        return ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier(name, monthly, more))), 201)
                .path("id").asString();
    }

    @Test
    void anUpgradeIsChargedTheDifferenceProRataADowngradeNothingAndRenewalsChargeTheNewPrice() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        Api stranger = Api.newUser(port);
        String bronze = tierOf(creator, "Bronze", 500);
        String gold = tierOf(creator, "Gold", 2000);
        String other = tierOf(stranger, "Elsewhere", 3000);
        String euro = tierOf(creator, "Euro", 2500, "currency", "EUR");
        JsonNode joined = ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", bronze))), 201).path("subscription");
        String path = "/api/v1/subscriptions/" + joined.path("id").asString();
        Instant start = Instant.parse(joined.path("currentPeriodStart").asString());
        Instant end = Instant.parse(joined.path("currentPeriodEnd").asString());

        problem(fan.send("POST", path + "/change-tier", json(Map.of("tierId", other))), 404, "tier-not-found");
        problem(fan.send("POST", path + "/change-tier", json(Map.of("tierId", euro))), 409, "other-currency");
        problem(stranger.send("POST", path + "/change-tier", json(Map.of("tierId", gold))), 404, "subscription-not-found");
        problem(fan.send("POST", path + "/change-tier", json(Map.of())), 400, "validation-failed");

        // half the period later, the upgrade: half of the 15.00 difference
        clock.advance(Duration.between(start, end).dividedBy(2));
        Instant at = clock.instant();
        JsonNode upgrade = ok(fan.send("POST", path + "/change-tier", json(Map.of("tierId", gold))), 200);
        long period = Duration.between(start, end).toSeconds();
        long left = Duration.between(at, end).toSeconds();
        long expected = Math.floorDiv(1500L * left * 2 + period, 2 * period);
        assertThat(upgrade.path("charged").asLong()).isBetween(expected - 1, expected).isBetween(740L, 760L);
        assertThat(upgrade.path("mode").asString()).isEqualTo("test mode");
        assertThat(upgrade.path("subscription").path("tierId").asString()).isEqualTo(gold);
        assertThat(upgrade.path("subscription").path("tierName").asString()).isEqualTo("Gold");
        assertThat(upgrade.path("subscription").path("price").asLong()).isEqualTo(2000);
        assertThat(upgrade.path("subscription").path("currentPeriodEnd").asString()).as("the period is unchanged")
                .isEqualTo(joined.path("currentPeriodEnd").asString());
        assertThat(ok(fan.send("POST", path + "/change-tier", json(Map.of("tierId", gold))), 200).path("charged").asLong())
                .as("the same tier again").isZero();

        JsonNode earnings = creator.get("/api/v1/creators/" + creator.user + "/earnings");
        long charged = upgrade.path("charged").asLong();
        JsonNode proration = null;
        for (JsonNode entry : earnings.path("latest")) {
            if (entry.path("externalId").asString().equals(upgrade.path("paymentId").asString())) {
                proration = entry;
            }
        }
        assertThat(proration).isNotNull();
        assertThat(proration.path("gross").asLong()).isEqualTo(charged);
        assertThat(proration.path("creator").asLong()).isEqualTo(charged - Math.floorDiv(charged * 40 + 100, 200));
        assertThat(proration.path("creator").asLong() + proration.path("platform").asLong() + proration.path("processorFee").asLong())
                .isEqualTo(charged);
        assertThat(proration.path("processorFee").asLong()).isEqualTo(TestModeProvider.fee(charged));
        JsonNode usd = earnings.path("totals").get(0);
        assertThat(usd.path("gross").asLong()).isEqualTo(500 + charged);
        assertThat(usd.path("creator").asLong() + usd.path("platform").asLong() + usd.path("processorFees").asLong())
                .isEqualTo(usd.path("gross").asLong());

        // a declined card changes nothing
        ok(fan.send("PUT", path + "/test-card", json(Map.of("card", TestModeProvider.CHARGES_FAIL))), 200);
        ok(fan.send("POST", path + "/change-tier", json(Map.of("tierId", bronze))), 200);
        problem(fan.send("POST", path + "/change-tier", json(Map.of("tierId", gold))), 402, "payment-declined");
        assertThat(fan.get(path).path("tierName").asString()).isEqualTo("Bronze");
        ok(fan.send("PUT", path + "/test-card", json(Map.of("card", TestModeProvider.PAYS))), 200);

        // the downgrade charged nothing; the renewal charges Bronze's price
        assertThat(creator.get("/api/v1/creators/" + creator.user + "/earnings").path("totals").get(0).path("transactions").asLong())
                .isEqualTo(2);
        JsonNode moved = ok(fan.send("POST", "/api/v1/subscriptions/test-clock/advance", json(Map.of("days", 20))), 200);
        assertThat(Instant.parse(moved.path("now").asString())).isAfter(end);
        JsonNode renewed = fan.get(path);
        assertThat(Instant.parse(renewed.path("currentPeriodStart").asString())).isEqualTo(end);
        assertThat(creator.get("/api/v1/creators/" + creator.user + "/earnings").path("latest").get(0).path("gross").asLong())
                .isEqualTo(500);

        // a cancelled membership does not change tier
        ok(fan.send("POST", path + "/cancel", null), 200);
        problem(fan.send("POST", path + "/change-tier", json(Map.of("tierId", gold))), 409, "not-changeable");
    }

    @Test
    void theDashboardCountsMembersByTierMonthlyRevenueAndEarningsOfTheCallerOnly() {
        Api creator = Api.newUser(port);
        Api nobody = Api.newUser(port);
        String small = tierOf(creator, "Small", 300, "annualPrice", 3000);
        String large = tierOf(creator, "Large", 1200);
        tierOf(creator, "Empty", 5000);
        Api a = Api.newUser(port);
        Api b = Api.newUser(port);
        Api c = Api.newUser(port);
        ok(a.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", small))), 201);
        ok(b.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", small, "interval", "annual"))), 201);
        String leaving = ok(c.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", large))), 201)
                .path("subscription").path("id").asString();
        ok(c.send("POST", "/api/v1/subscriptions/" + leaving + "/cancel", null), 200);

        JsonNode dashboard = creator.get("/api/v1/creators/me/dashboard");
        assertThat(dashboard.path("creatorId").asString()).isEqualTo(creator.user.toString());
        assertThat(dashboard.path("mode").asString()).isEqualTo("test mode");
        assertThat(dashboard.path("members").asLong()).isEqualTo(3);
        JsonNode tiers = dashboard.path("tiers");
        assertThat(tiers).hasSize(3);
        assertThat(tiers.get(0).path("name").asString()).isEqualTo("Small");
        assertThat(tiers.get(0).path("members").asLong()).isEqualTo(2);
        assertThat(tiers.get(0).path("monthlyRevenue").asLong()).as("300 a month and 3000 a year").isEqualTo(300 + 250);
        assertThat(tiers.get(1).path("members").asLong()).isEqualTo(1);
        assertThat(tiers.get(1).path("renewing").asLong()).as("cancelled at the period's end").isZero();
        assertThat(tiers.get(1).path("monthlyRevenue").asLong()).isZero();
        assertThat(tiers.get(2).path("members").asLong()).isZero();
        assertThat(dashboard.path("mrr").get(0).path("currency").asString()).isEqualTo("USD");
        assertThat(dashboard.path("mrr").get(0).path("amount").asLong()).isEqualTo(550);
        JsonNode earned = dashboard.path("earnings").get(0);
        assertThat(earned.path("gross").asLong()).isEqualTo(300 + 3000 + 1200);
        assertThat(earned.path("creator").asLong()).isEqualTo(240 + 2400 + 960);
        assertThat(earned.path("transactions").asLong()).isEqualTo(3);

        JsonNode empty = nobody.get("/api/v1/creators/me/dashboard");
        assertThat(empty.path("tiers")).isEmpty();
        assertThat(empty.path("members").asLong()).isZero();
        assertThat(empty.path("earnings")).isEmpty();

        String payment = creator.get("/api/v1/creators/" + creator.user + "/earnings").path("latest").get(0).path("id").asString();
        problem(nobody.send("POST", "/api/v1/creators/me/payments/" + payment + "/refund", null), 404, "payment-not-found");
        problem(creator.send("POST", "/api/v1/creators/me/payments/" + payment + "/refund", json(Map.of("amount", 99_999))), 409,
                "refund-exceeds-payment");
        problem(creator.send("POST", "/api/v1/creators/me/payments/not-an-id/refund", null), 404, "payment-not-found");
        JsonNode refund = ok(creator.send("POST", "/api/v1/creators/me/payments/" + payment + "/refund", null), 200);
        assertThat(refund.path("mode").asString()).isEqualTo("test mode");
        JsonNode after = creator.get("/api/v1/creators/me/dashboard").path("earnings").get(0);
        assertThat(after.path("gross").asLong()).isEqualTo(300 + 3000 + 1200 - refund.path("amount").asLong());
        assertThat(after.path("creator").asLong() + after.path("platform").asLong() + after.path("processorFees").asLong())
                .isEqualTo(after.path("gross").asLong());
    }
}
