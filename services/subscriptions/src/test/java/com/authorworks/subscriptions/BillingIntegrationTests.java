package com.authorworks.subscriptions;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static com.authorworks.subscriptions.TiersIntegrationTests.tier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.billing.Billing;
import com.authorworks.subscriptions.internal.billing.TestModeProvider;

import tools.jackson.databind.JsonNode;

/**
 * Fans join, renew, fail to pay, leave and come back, in test mode over real HTTP; the billing clock
 * moves forward instead of waiting, and renewals run when the test says. The creator's earnings are
 * read back from the ledger.
 */
class BillingIntegrationTests extends ServiceIntegrationTest {

    @Autowired
    BillingClock clock;

    @Autowired
    Billing billing;

    String tierOf(Api creator, long monthly, Object... more) {
        return ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier("Tier " + monthly, monthly, more))), 201)
                .path("id").asString();
    }

    JsonNode checkout(Api fan, String tier, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("tierId", tier));
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(body)), 201);
    }

    JsonNode earnings(Api creator) {
        return creator.get("/api/v1/creators/" + creator.user + "/earnings");
    }

    /** Moves the billing clock past {@code instant} and renews what fell due. */
    void passTime(Instant until) {
        Duration ahead = Duration.between(clock.instant(), until).plusSeconds(1);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
        billing.renewDue();
    }

    @Test
    void aFanJoinsRenewsFailsToPayIsPastDueAndExpiresAfterTheLastRetryAndEveryPaymentIsInTheLedger() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        String tier = tierOf(creator, 1000, "welcomeMessage", "Welcome aboard.");

        JsonNode checkout = checkout(fan, tier);
        assertThat(checkout.path("mode").asString()).isEqualTo("test mode");
        JsonNode subscription = checkout.path("subscription");
        String id = subscription.path("id").asString();
        String path = "/api/v1/subscriptions/" + id;
        assertThat(subscription.path("status").asString()).isEqualTo("active");
        assertThat(subscription.path("mode").asString()).isEqualTo("test mode");
        assertThat(subscription.path("hasAccess").asBoolean()).isTrue();
        assertThat(subscription.path("welcomeMessage").asString()).isEqualTo("Welcome aboard.");
        Instant start = Instant.parse(subscription.path("currentPeriodStart").asString());
        Instant end = Instant.parse(subscription.path("currentPeriodEnd").asString());
        assertThat(end).isEqualTo(start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());

        passTime(end);
        JsonNode renewed = fan.get(path);
        assertThat(renewed.path("status").asString()).isEqualTo("active");
        assertThat(Instant.parse(renewed.path("currentPeriodStart").asString())).isEqualTo(end);
        JsonNode totals = earnings(creator).path("totals").get(0);
        assertThat(totals.path("gross").asLong()).isEqualTo(2000);
        assertThat(totals.path("creator").asLong()).isEqualTo(1600);
        assertThat(totals.path("processorFees").asLong()).isEqualTo(2 * TestModeProvider.fee(1000));
        assertThat(totals.path("platform").asLong()).isEqualTo(400 - 2 * TestModeProvider.fee(1000));
        assertThat(totals.path("transactions").asLong()).isEqualTo(2);

        ok(fan.send("PUT", path + "/test-card", json(Map.of("card", "4000 0000 0000 0341"))), 200);
        Instant secondEnd = Instant.parse(renewed.path("currentPeriodEnd").asString());
        passTime(secondEnd);
        JsonNode pastDue = fan.get(path);
        assertThat(pastDue.path("status").asString()).isEqualTo("past-due");
        assertThat(pastDue.path("hasAccess").asBoolean()).as("access while the renewal is retried").isTrue();
        Instant retry = Instant.parse(pastDue.path("nextPaymentAttemptAt").asString());
        assertThat(Duration.between(clock.instant(), retry)).isBetween(Duration.ofHours(23), Duration.ofDays(1));

        for (int attempt = 0; attempt < 3; attempt++) {
            passTime(Instant.parse(fan.get(path).path("nextPaymentAttemptAt").asString()));
        }
        JsonNode expired = fan.get(path);
        assertThat(expired.path("status").asString()).isEqualTo("expired");
        assertThat(expired.path("hasAccess").asBoolean()).isFalse();
        assertThat(expired.path("welcomeMessage").isMissingNode() || expired.path("welcomeMessage").isNull()).isTrue();
        assertThat(earnings(creator).path("totals").get(0).path("transactions").asLong()).as("failed payments move no money").isEqualTo(2);
        billing.renewDue();
        assertThat(fan.get(path).path("status").asString()).as("an expired subscription stays expired").isEqualTo("expired");
    }

    @Test
    void aPastDueSubscriptionIsActiveAgainWhenARetryPays() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        String path = "/api/v1/subscriptions/" + checkout(fan, tierOf(creator, 500)).path("subscription").path("id").asString();
        ok(fan.send("PUT", path + "/test-card", json(Map.of("card", TestModeProvider.CHARGES_FAIL))), 200);
        passTime(Instant.parse(fan.get(path).path("currentPeriodEnd").asString()));
        assertThat(fan.get(path).path("status").asString()).isEqualTo("past-due");

        ok(fan.send("PUT", path + "/test-card", json(Map.of("card", TestModeProvider.PAYS))), 200);
        passTime(Instant.parse(fan.get(path).path("nextPaymentAttemptAt").asString()));
        JsonNode active = fan.get(path);
        assertThat(active.path("status").asString()).isEqualTo("active");
        assertThat(active.path("nextPaymentAttemptAt").isMissingNode() || active.path("nextPaymentAttemptAt").isNull()).isTrue();
        assertThat(earnings(creator).path("totals").get(0).path("gross").asLong()).isEqualTo(1000);
    }

    @Test
    void aCancelledSubscriptionKeepsAccessToTheEndOfThePeriodCanBeResumedMeanwhileAndThenExpires() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        JsonNode joined = checkout(fan, tierOf(creator, 12000, "annualPrice", 120000), "interval", "annual").path("subscription");
        assertThat(joined.path("interval").asString()).isEqualTo("annual");
        assertThat(joined.path("price").asLong()).isEqualTo(120000);
        String path = "/api/v1/subscriptions/" + joined.path("id").asString();
        Instant end = Instant.parse(joined.path("currentPeriodEnd").asString());

        JsonNode cancelled = ok(fan.send("POST", path + "/cancel", null), 200);
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled-at-period-end");
        assertThat(cancelled.path("hasAccess").asBoolean()).isTrue();
        assertThat(Instant.parse(cancelled.path("accessUntil").asString())).isEqualTo(end);
        assertThat(cancelled.path("renews").asBoolean()).isFalse();
        assertThat(ok(fan.send("POST", path + "/cancel", null), 200).path("updatedAt")).as("cancelling twice changes nothing")
                .isEqualTo(cancelled.path("updatedAt"));

        assertThat(ok(fan.send("POST", path + "/resume", null), 200).path("status").asString()).isEqualTo("active");
        ok(fan.send("POST", path + "/cancel", null), 200);

        clock.advance(Duration.between(clock.instant(), end).minusHours(1));
        billing.renewDue();
        assertThat(fan.get(path).path("hasAccess").asBoolean()).as("an hour before the period ends").isTrue();
        passTime(end);
        JsonNode expired = fan.get(path);
        assertThat(expired.path("status").asString()).isEqualTo("expired");
        assertThat(expired.path("hasAccess").asBoolean()).isFalse();
        problem(fan.send("POST", path + "/resume", null), 409, "not-resumable");
        problem(fan.send("POST", path + "/cancel", null), 409, "subscription-ended");
        assertThat(earnings(creator).path("totals").get(0).path("gross").asLong()).as("no renewal after cancelling").isEqualTo(120000);

        // gone, so the fan may join again
        assertThat(checkout(fan, joined.path("tierId").asString()).path("subscription").path("status").asString()).isEqualTo("active");
    }

    @Test
    void checkoutsThatCannotBeAreProblemsAndLeaveNothingBehind() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        String capped = tierOf(creator, 300, "memberCap", 1);
        String monthlyOnly = tierOf(creator, 700);

        problem(creator.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", capped))), 409, "own-tier");
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", monthlyOnly, "interval", "annual"))), 409,
                "no-annual-price");
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", monthlyOnly, "interval", "weekly"))), 400,
                "invalid-interval");
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", capped, "card", TestModeProvider.DECLINED))), 402,
                "payment-declined");
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", capped, "card", "4111111111111111"))), 400,
                "unknown-test-card");
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", java.util.UUID.randomUUID().toString()))), 404,
                "tier-not-found");
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", "not-an-id"))), 400, "malformed-body");
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", "{}"), 400, "validation-failed");
        assertThat(fan.get("/api/v1/subscriptions").path("items").size()).as("a declined card leaves no subscription").isZero();
        assertThat(earnings(creator).path("totals").size()).isZero();

        checkout(fan, capped);
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", monthlyOnly))), 409, "already-a-member");
        problem(Api.newUser(port).send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", capped))), 409, "tier-full");
        ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers/" + monthlyOnly + "/archive", null), 200);
        problem(Api.newUser(port).send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", monthlyOnly))), 409, "tier-archived");
        problem(Api.anonymous(port).send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", capped))), 401,
                "authentication-required");
    }

    @Test
    void anotherFansSubscriptionAndAnotherCreatorsEarningsAreNotFound() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        Api stranger = Api.newUser(port);
        String path = "/api/v1/subscriptions/" + checkout(fan, tierOf(creator, 400)).path("subscription").path("id").asString();

        problem(stranger.send("GET", path, null), 404, "subscription-not-found");
        problem(stranger.send("POST", path + "/cancel", null), 404, "subscription-not-found");
        problem(stranger.send("POST", path + "/resume", null), 404, "subscription-not-found");
        problem(stranger.send("PUT", path + "/test-card", json(Map.of("card", TestModeProvider.CHARGES_FAIL))), 404, "subscription-not-found");
        problem(creator.send("GET", path, null), 404, "subscription-not-found");
        problem(fan.send("GET", "/api/v1/subscriptions/not-an-id", null), 404, "subscription-not-found");
        problem(stranger.send("GET", "/api/v1/creators/" + creator.user + "/earnings", null), 404, "earnings-not-found");
        assertThat(stranger.get("/api/v1/subscriptions").path("items").size()).isZero();

        JsonNode untouched = fan.get(path);
        assertThat(untouched.path("status").asString()).isEqualTo("active");
        assertThat(untouched.path("createdAt")).isEqualTo(untouched.path("updatedAt"));
    }

    @Test
    void aTipPaysTheCreatorEightyPercentAndIsListedToTheFan() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        tierOf(creator, 500);

        JsonNode tip = ok(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", creator.user.toString(), "amount", 2500,
                "currency", "eur", "message", "For the lighthouse chapter."))), 201);
        assertThat(tip.path("mode").asString()).isEqualTo("test mode");
        assertThat(tip.path("currency").asString()).isEqualTo("EUR");
        JsonNode mine = fan.get("/api/v1/subscriptions/tips");
        assertThat(mine.path("items").get(0).path("message").asString()).isEqualTo("For the lighthouse chapter.");

        JsonNode earnings = earnings(creator);
        JsonNode eur = earnings.path("totals").get(0);
        assertThat(eur.path("currency").asString()).isEqualTo("EUR");
        assertThat(eur.path("creator").asLong()).isEqualTo(2000);
        assertThat(eur.path("platform").asLong() + eur.path("processorFees").asLong()).isEqualTo(500);
        assertThat(earnings.path("latest").get(0).path("kind").asString()).isEqualTo("tip");
        assertThat(earnings.path("latest").get(0).path("mode").asString()).isEqualTo("test mode");

        problem(creator.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", creator.user.toString(), "amount", 500,
                "currency", "usd"))), 409, "own-tip");
        problem(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", fan.user.toString().replace('-', '-'), "amount", 500,
                "currency", "usd"))), 409, "own-tip");
        problem(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", java.util.UUID.randomUUID().toString(), "amount", 500,
                "currency", "usd"))), 404, "creator-not-found");
        problem(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", creator.user.toString(), "amount", 50,
                "currency", "usd"))), 400, "validation-failed");
        problem(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", creator.user.toString(), "amount", 500,
                "currency", "usd", "card", TestModeProvider.DECLINED))), 402, "payment-declined");
        assertThat(fan.get("/api/v1/subscriptions/tips").path("items").size()).isEqualTo(1);
    }
}
