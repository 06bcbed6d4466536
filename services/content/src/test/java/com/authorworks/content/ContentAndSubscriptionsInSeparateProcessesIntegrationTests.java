package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.util.FileSystemUtils;

import com.authorworks.platform.testing.TestAccessTokens;
import com.authorworks.subscriptions.Memberships;

import tools.jackson.databind.JsonNode;

/**
 * Content and subscriptions as two processes: content's chapter gating asks subscriptions' {@code Memberships}
 * contract over HTTP ({@code AUTHORWORKS_SUBSCRIPTIONS_URL}) with the reader's own token; a tier that is not the
 * author's is refused as in one process; while subscriptions is down gated chapters stay locked (never 5xx).
 */
class ContentAndSubscriptionsInSeparateProcessesIntegrationTests {

    /** The subscriptions service alone, trusting the same access-token key. Not a {@code @Configuration}. */
    @EnableAutoConfiguration
    @Import(TestAccessTokens.class)
    static class SubscriptionsProcess {
    }

    private final Path subscriptionsData = Path.of("target", "it-data", "subscriptions-" + UUID.randomUUID()).toAbsolutePath();
    private final Path contentData = Path.of("target", "it-data", "content-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void removeData() throws Exception {
        FileSystemUtils.deleteRecursively(subscriptionsData);
        FileSystemUtils.deleteRecursively(contentData);
    }

    @Test
    void gatedChaptersAskMembershipsOverHttpAndStayLockedWhileSubscriptionsIsDown() throws Exception {
        int subscriptionsPort = freePort();
        ConfigurableApplicationContext subscriptions = new SpringApplicationBuilder(SubscriptionsProcess.class)
                .properties("server.port=" + subscriptionsPort, "logging.level.root=WARN", "authorworks.services=subscriptions",
                        "authorworks.data=" + subscriptionsData)
                .run();
        try (ConfigurableApplicationContext content = new SpringApplicationBuilder(ContentTestApplication.class)
                .properties("server.port=0", "logging.level.root=WARN", "authorworks.services=content,storage",
                        "authorworks.data=" + contentData, "authorworks.subscriptions.url=http://localhost:" + subscriptionsPort,
                        "authorworks.contracts.circuit-open-for=300ms", "authorworks.contracts.circuit-minimum-calls=2")
                .run()) {
            assertThat(content.getBean(Memberships.class).getClass().getName()).as("an HTTP client").contains("Proxy");
            int contentPort = Integer.parseInt(content.getEnvironment().getProperty("local.server.port"));
            Api author = Api.newUser(contentPort);
            Api fan = Api.newUser(contentPort);
            Api stranger = Api.newUser(contentPort);
            Api authorThere = new Api(subscriptionsPort, author.user);
            Api strangerThere = new Api(subscriptionsPort, stranger.user);
            String tier = ok(authorThere.post("/api/v1/creators/" + author.user + "/tiers",
                    json(Map.of("name", "Patron", "monthlyPrice", 900, "currency", "usd"))), 201).path("id").asString();
            String strangersTier = ok(strangerThere.post("/api/v1/creators/" + stranger.user + "/tiers",
                    json(Map.of("name", "Other", "monthlyPrice", 900, "currency", "usd"))), 201).path("id").asString();
            ok(new Api(subscriptionsPort, fan.user).post("/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 201);

            String book = ok(author.post("/api/v1/books", json(Map.of("title", "Split Serial"))), 201).path("id").asString();
            String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
            String text = "The patrons alone read on past the gate, into the second hall and the third, where the lamps were.";
            String scene = ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                    json(Map.of("title", "One", "content", "<p>" + text + "</p>"))), 201).path("id").asString();
            ok(author.post("/api/v1/books/" + book + "/publish", ""), 200);
            String access = "/api/v1/books/" + book + "/chapters/" + chapter + "/access";
            problem(author.put(access, json(Map.of("visibility", "tiers", "tiers", List.of(strangersTier)))), 400, "unknown-tier");
            ok(author.put(access, json(Map.of("visibility", "tiers", "tiers", List.of(tier)))), 200);

            String path = "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + scene;
            assertThat(ok(fan.get(path), 200).path("content").asString()).contains(text);
            JsonNode locked = ok(stranger.get(path), 200);
            assertThat(locked.path("locked").path("tiers").get(0).asString()).isEqualTo(tier);
            assertThat(locked.toString()).doesNotContain(text);

            subscriptions.close();
            JsonNode down = ok(fan.get(path), 200);
            assertThat(down.path("locked").path("locked").asBoolean()).as("fails closed").isTrue();
            assertThat(down.toString()).doesNotContain(text);
            assertThat(ok(fan.get("/api/v1/books/" + book), 200).path("chapters").get(0).path("locked").path("locked").asBoolean()).isTrue();
            assertThat(ok(author.get(path), 200).path("content").asString()).as("the owner needs nobody").contains(text);
            problem(author.put(access, json(Map.of("visibility", "tiers", "tiers", List.of(tier)))), 503, "subscriptions-unavailable");
        } finally {
            subscriptions.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
