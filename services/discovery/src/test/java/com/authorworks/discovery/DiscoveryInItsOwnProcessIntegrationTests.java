package com.authorworks.discovery;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.JsonNode;

/**
 * Discovery as a split deployment runs it: its own process with its own database, learning of books
 * only from content's events, which reach it through Kafka. Authors publish at content's process;
 * readers search, and their reading counts for trending, at discovery's.
 */
class DiscoveryInItsOwnProcessIntegrationTests {

    @TempDir
    Path data;

    private static final String SECRET = "a-service-secret-of-at-least-32-characters";

    private ConfigurableApplicationContext process(String services, String kafka, String... more) {
        return new SpringApplicationBuilder(DiscoveryTestApplication.class).properties("server.port=0", "logging.level.root=WARN",
                "authorworks.services=" + services, "authorworks.data=" + data.resolve(services.replace(',', '-')),
                "authorworks.kafka.bootstrap-servers=" + kafka, "authorworks.kafka.partitions=2",
                "authorworks.security.service-secret=" + SECRET).properties(more).run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void booksPublishedAtContentAreFoundAtDiscoveryUntilTheyAreTakenDown() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.afterPropertiesSet();
        try (ConfigurableApplicationContext content = process("content,storage", broker.getBrokersAsString());
             ConfigurableApplicationContext discovery = process("discovery", broker.getBrokersAsString(),
                     "authorworks.content.url=http://localhost:" + port(content))) {
            assertThat(content.getBeanNamesForType(DiscoveryAutoConfiguration.class)).isEmpty();
            int contentPort = port(content);
            int discoveryPort = port(discovery);
            Api author = Api.newUser(contentPort);
            Api reader = Api.newUser(discoveryPort);
            String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
            String search = "/api/v1/discover/books?tag=" + tag;

            String book = ok(author.send("POST", "/api/v1/books", json(Map.of("title", "The Split Harbour"))), 201).path("id").asString();
            String chapter = ok(author.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201)
                    .path("id").asString();
            ok(author.send("POST", "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                    json(Map.of("title", "Quay", "content", "<p>Two harbours, one tide.</p>"))), 201);
            ok(author.send("PATCH", "/api/v1/books/" + book + "/publication",
                    json(Map.of("blurb", "A harbour town split by a river that changes its course.", "genre", "literary",
                            "tags", List.of(tag)))), 200);
            ok(author.send("POST", "/api/v1/books/" + book + "/publish", null), 200);

            JsonNode found = DiscoveryIntegrationTests.eventually("discovery to list the book", () -> reader.get(search + "&q=harbour"),
                    page -> DiscoveryIntegrationTests.ids(page).contains(book));
            assertThat(found.toString()).contains("The Split Harbour");

            // a comment on its chapter at discovery, which asks content's BookTexts over HTTP which chapters the book has
            String comments = "/api/v1/discover/books/" + book + "/chapters/" + chapter + "/comments";
            ok(reader.send("POST", comments, json(Map.of("body", "Which harbour is home?"))), 201);
            assertThat(reader.get(comments).path("items").get(0).path("body").asString()).isEqualTo("Which harbour is home?");
            assertThat(reader.send("POST", "/api/v1/discover/books/" + book + "/chapters/" + UUID.randomUUID() + "/comments",
                    json(Map.of("body", "Lost"))).statusCode()).as("a chapter content does not know").isEqualTo(404);

            // a reader's first place in the book, saved at content, counts at discovery
            Api readerAtContent = reader.at(contentPort);
            JsonNode details = readerAtContent.get("/api/v1/books/" + book);
            JsonNode first = details.path("chapters").get(0);
            ok(readerAtContent.send("PUT", "/api/v1/books/" + book + "/reading-position", json(Map.of(
                    "chapterId", first.path("id").asString(), "sceneId", first.path("scenes").get(0).path("id").asString(),
                    "progress", 0.1))), 200);
            DiscoveryIntegrationTests.eventually("the read to count", () -> reader.get("/api/v1/discover/trending/explain?book=" + book),
                    trend -> trend.path("readers").asLong() == 1);

            ok(author.send("POST", "/api/v1/books/" + book + "/unpublish", null), 200);
            DiscoveryIntegrationTests.eventually("discovery to drop the book", () -> reader.get(search),
                    page -> !DiscoveryIntegrationTests.ids(page).contains(book));
        } finally {
            broker.destroy();
        }
    }
}
