package com.authorworks.subscriptions;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static com.authorworks.subscriptions.TiersIntegrationTests.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Contracts;
import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.billing.Billing;

import tools.jackson.databind.JsonNode;

/** The {@link Memberships} contract: in process, and over HTTP for other processes, acting only for the fan asked about. */
class MembershipsIntegrationTests extends ServiceIntegrationTest {

    @Autowired
    Memberships memberships;

    @Autowired
    BillingClock clock;

    @Autowired
    Billing billing;

    TierId tierOf(Api creator, String name, long monthly) {
        return TierId.of(ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier(name, monthly))), 201)
                .path("id").asString());
    }

    @Test
    void aFanIsAMemberAtTheirTierAndBelowUntilTheirPaidTimeRunsOut() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        UserId c = new UserId(creator.user);
        UserId f = new UserId(fan.user);
        TierId reader = tierOf(creator, "Reader", 500);
        TierId patron = tierOf(creator, "Patron", 1500);
        assertThat(memberships.of(f, c, null).member()).isFalse();

        String path = "/api/v1/subscriptions/" + ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", reader.toString()))), 201)
                .path("subscription").path("id").asString();
        Membership membership = memberships.of(f, c, null);
        assertThat(membership.member()).isTrue();
        assertThat(membership.tier()).isEqualTo(reader);
        assertThat(membership.meetsTier()).isTrue();
        assertThat(memberships.of(f, c, reader).meetsTier()).isTrue();
        assertThat(memberships.of(f, c, patron).meetsTier()).as("a cheaper tier is not at least a dearer one").isFalse();
        assertThat(memberships.of(f, new UserId(Api.newUser(port).user), null).member()).as("of another creator").isFalse();
        Api other = Api.newUser(port);
        TierId othersTier = tierOf(other, "Elsewhere", 100);
        assertThatThrownBy(() -> memberships.of(f, c, othersTier)).isInstanceOf(Problem.class).hasMessageContaining("no such tier");

        ok(fan.send("POST", path + "/cancel", null), 200);
        assertThat(memberships.of(f, c, reader).member()).as("cancelled, with paid time left").isTrue();
        Instant end = memberships.of(f, c, null).accessUntil();
        clock.advance(Duration.between(clock.instant(), end).plusSeconds(1));
        billing.renewDue();
        assertThat(memberships.of(f, c, reader).member()).isFalse();
    }

    @Test
    void overHttpTheContractAnswersOnlyForTheFanTheCredentialsActFor() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        TierId reader = tierOf(creator, "Reader", 500);
        ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", reader.toString()))), 201);
        String query = "/api/v1/internal/subscriptions/memberships?creator=" + creator.user + "&atLeast=" + reader;

        JsonNode answer = ok(fan.send("GET", query, null, Contracts.ON_BEHALF_OF, fan.user.toString()), 200);
        assertThat(answer.path("member").asBoolean()).isTrue();
        assertThat(answer.path("meetsTier").asBoolean()).isTrue();
        assertThat(answer.path("tierName").asString()).isEqualTo("Reader");

        Api snoop = Api.newUser(port);
        problem(snoop.send("GET", query, null, Contracts.ON_BEHALF_OF, fan.user.toString()), 403, "acting-for-another-user");
        problem(Api.anonymous(port).send("GET", query, null, Contracts.ON_BEHALF_OF, fan.user.toString()), 401,
                "authentication-required");
    }
}
