package com.authorworks.messaging;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The subscriptions service and messaging in one process, through the event publication registry as
 * deployed: a fan's real test-mode checkout and tip over HTTP reach the creator's inbox, and a declined
 * card reaches nobody's.
 */
@Timeout(180)
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=subscriptions,messaging", "authorworks.subscriptions.renewal-poll=1h"})
class SubscriptionsToMessagingIntegrationTests {

    static final Path DATA = createData();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient db;

    static List<String> seen(Api user) {
        List<String> seen = new ArrayList<>();
        user.get("/api/v1/notifications").path("items").forEach(n -> seen.add(
                n.path("type").asString() + " | " + n.path("title").asString() + " | " + n.path("body").asString()));
        return seen;
    }

    @Test
    void aFansCheckoutAndTipNotifyTheCreatorAndADeclinedCardNobody() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        Api declined = Api.newUser(port);
        String tier = ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(Map.of("name", "Patron",
                "monthlyPrice", 1000, "annualPrice", 10000, "currency", "gbp"))), 201).path("id").asString();

        problem(declined.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier, "card", "4000000000000002"))), 402,
                "payment-declined");
        JsonNode subscription = ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier, "interval", "annual"))),
                201).path("subscription");
        ok(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", creator.user.toString(), "amount", 350,
                "currency", "gbp"))), 201);

        NotificationsIntegrationTests.eventually("the creator's two notifications", () -> seen(creator), list -> list.size() >= 2);
        NotificationsIntegrationTests.eventually("every publication to be handled", () -> db.sql(
                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL").query(Long.class).single(), n -> n == 0);
        assertThat(seen(creator)).containsExactlyInAnyOrder(
                "new-subscriber | A new member of “Patron” | A fan joined at 100.00 GBP a year.",
                "tip-received | A tip of 3.50 GBP | A fan sent you a tip.");
        JsonNode member = creator.get("/api/v1/notifications").path("items").findValues("data").stream()
                .filter(data -> data.has("subscriptionId")).findFirst().orElseThrow();
        assertThat(member.path("subscriptionId").asString()).isEqualTo(subscription.path("id").asString());
        assertThat(member.path("fanId").asString()).isEqualTo(fan.user.toString());
        assertThat(seen(fan)).as("the fan paid: nothing failed").isEmpty();
        assertThat(seen(declined)).isEmpty();
    }

    @Test
    void aPaidRenewalAndAMembershipThatEndedNotifyTheCreatorAsTheTestClockMoves() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        String tier = ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(Map.of("name", "Crew",
                "monthlyPrice", 800, "currency", "eur"))), 201).path("id").asString();
        String path = "/api/v1/subscriptions/" + ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 201)
                .path("subscription").path("id").asString();

        // a month passes on the test clock: the renewal is paid
        JsonNode moved = ok(fan.send("POST", "/api/v1/subscriptions/test-clock/advance", json(Map.of("days", 32))), 200);
        assertThat(moved.path("changed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(moved.path("mode").asString()).isEqualTo("test mode");
        NotificationsIntegrationTests.eventually("the renewal's notification", () -> seen(creator), list -> list.size() >= 2);
        // the fan leaves; when the period is over the creator hears of it, once
        ok(fan.send("POST", path + "/cancel", null), 200);
        ok(fan.send("POST", "/api/v1/subscriptions/test-clock/advance", json(Map.of("days", 32))), 200);
        assertThat(fan.get(path).path("status").asString()).isEqualTo("expired");
        NotificationsIntegrationTests.eventually("the end's notification", () -> seen(creator), list -> list.size() >= 3);
        NotificationsIntegrationTests.eventually("every publication to be handled", () -> db.sql(
                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL").query(Long.class).single(), n -> n == 0);
        assertThat(seen(creator)).containsExactlyInAnyOrder(
                "new-subscriber | A new member of “Crew” | A fan joined at 8.00 EUR a month.",
                "payment-received | A payment of 8.00 EUR for “Crew” | A member renewed for another month.",
                "membership-ended | A membership of “Crew” ended | A member left; the period they paid for is over.");
        assertThat(seen(fan)).isEmpty();
        problem(fan.send("POST", "/api/v1/subscriptions/test-clock/advance", json(Map.of("days", 0))), 400, "validation-failed");
    }

    private static Path createData() {
        try {
            return Files.createTempDirectory("authorworks-subscriptions-messaging-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
