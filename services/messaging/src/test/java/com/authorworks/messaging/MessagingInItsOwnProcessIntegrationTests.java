package com.authorworks.messaging;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Messaging as a split deployment runs it: its own process and database, hearing content's events
 * only through Kafka. An author publishes at content's process and finds the notification at
 * messaging's, once per publication however the event is delivered.
 */
class MessagingInItsOwnProcessIntegrationTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext process(String services, String kafka) {
        return new SpringApplicationBuilder(MessagingTestApplication.class).properties("server.port=0", "logging.level.root=WARN",
                "authorworks.services=" + services, "authorworks.data=" + data.resolve(services.replace(',', '-')),
                "authorworks.kafka.bootstrap-servers=" + kafka, "authorworks.kafka.partitions=2").run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aBookPublishedAtContentNotifiesItsAuthorAtMessaging() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.afterPropertiesSet();
        try (ConfigurableApplicationContext content = process("content,storage", broker.getBrokersAsString());
             ConfigurableApplicationContext messaging = process("messaging", broker.getBrokersAsString())) {
            assertThat(content.getBeanNamesForType(MessagingAutoConfiguration.class)).isEmpty();
            Api author = Api.newUser(port(content));
            Api authorAtMessaging = Api.withToken(port(messaging), author.user, author.token);

            String book = ok(author.send("POST", "/api/v1/books", json(Map.of("title", "Far Harbour"))), 201).path("id").asString();
            ok(author.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201);
            ok(author.send("POST", "/api/v1/books/" + book + "/publish", null), 200);

            NotificationsIntegrationTests.eventually("the publication's notification at messaging",
                    () -> NotificationsIntegrationTests.titles(authorAtMessaging.get("/api/v1/notifications")),
                    titles -> titles.equals(List.of("“Far Harbour” is published")));
            assertThat(authorAtMessaging.get("/api/v1/notifications").path("items").get(0).path("type").asString())
                    .isEqualTo("book-published");
            assertThat(author.send("GET", "/api/v1/notifications", null).statusCode())
                    .as("content's process has no messaging").isEqualTo(404);
        } finally {
            broker.destroy();
        }
    }
}
