package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A book deleted while storage cannot delete its files, and the process stopped before storage
 * recovered: the next process on the same data frees them when it starts (the event publication
 * was still incomplete), with no new request and no periodic retry needed.
 */
@Timeout(180)
class BookDeletionRestartIntegrationTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        // retries only at startup here: the interval is longer than the test
        return new SpringApplicationBuilder(ContentTestApplication.class)
                .properties("authorworks.data=" + data, "authorworks.services=content,storage", "server.port=0",
                        "authorworks.content.poll=200ms", "authorworks.events.retry-interval=1h", "authorworks.events.retry-after=0s")
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void filesOfABookDeletedWhileStorageWasDownAreFreedByTheNextProcess() throws Exception {
        UUID user = UUID.randomUUID();
        Path bucket = data.resolve("blobs").resolve("authorworks-exports");
        Path aside = data.resolve("exports-aside");
        String book;
        try (ConfigurableApplicationContext first = start()) {
            Api author = new Api(port(first), user);
            book = ok(author.post("/api/v1/books", json(Map.of("title", "Left Behind", "format", "novel"))), 201).path("id").asString();
            String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
            ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                    json(Map.of("title", "Start", "content", "<p>First.</p>"))), 201);
            String export = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "md"))), 202).path("id").asString();
            Eventually.until("the export to be stored", () -> ok(author.get("/api/v1/books/" + book + "/exports/" + export), 200),
                    e -> e.path("state").asString().equals("DONE"));

            Files.move(bucket, aside);
            Files.writeString(bucket, "not a directory");
            ok(author.delete("/api/v1/books/" + book), 204);
            JdbcClient db = first.getBean(JdbcClient.class);
            Eventually.until("storage to have tried and failed to free the export's file", () -> attempts(db, user),
                    attempts -> attempts > 0);
            assertThat(files(db, user)).hasSize(1);
        }
        Files.delete(bucket);
        Files.move(aside, bucket);

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient db = second.getBean(JdbcClient.class);
            Eventually.until("the next process to free the file", () -> files(db, user), List::isEmpty);
            Eventually.until("the publication to be complete", () -> publications(db, user), count -> count == 0);
            try (var blobs = Files.walk(bucket)) {
                assertThat(blobs.filter(Files::isRegularFile).toList()).as("no orphaned blob").isEmpty();
            }
        }
    }

    private static List<UUID> files(JdbcClient db, UUID user) {
        return db.sql("SELECT id FROM storage.files WHERE owner_id = :owner").param("owner", user).query(UUID.class).list();
    }

    /** Deliveries of the user's events (the book's deletion and its released files) that failed. */
    private static long attempts(JdbcClient db, UUID user) {
        return db.sql("""
                SELECT coalesce(sum(completion_attempts), 0) + count(*) FILTER (WHERE status = 'FAILED')
                FROM events.event_publication WHERE serialized_event LIKE :user""")
                .param("user", "%" + user + "%").query(Long.class).single();
    }

    private static long publications(JdbcClient db, UUID user) {
        return db.sql("SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :user")
                .param("user", "%" + user + "%").query(Long.class).single();
    }
}
