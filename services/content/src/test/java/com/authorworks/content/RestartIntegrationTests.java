package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** A server stopped in the middle of a book; the next one on the same data finishes it without redoing anything. */
@Timeout(240)
class RestartIntegrationTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ContentTestApplication.class)
                .properties("authorworks.data=" + data, "authorworks.services=content", "server.port=0",
                        "authorworks.content.lease=3s", "authorworks.content.poll=200ms")
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterEach
    void letEveryCallThrough() {
        PacedSampleModels.releaseAll();
    }

    @Test
    void aBookInterruptedByARestartFinishesWithNoSceneGeneratedTwice() {
        UUID user = UUID.randomUUID();
        PacedSampleModels.allow(2);
        String book;
        List<String> draftedBefore;
        try (ConfigurableApplicationContext first = start()) {
            Api author = new Api(port(first), user);
            book = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("paced-sample"))), 202)
                    .path("bookId").asString();
            // chapters are drafted side by side (the default window), so wait for both allowed scenes to be stored
            JdbcClient db = first.getBean(JdbcClient.class);
            draftedBefore = Eventually.until("two scenes drafted and a third scene's drafting call held", () -> draftSteps(db, book),
                    drafted -> drafted.size() == 2 && PacedSampleModels.waiting.get() > 0);
        }
        assertThat(PacedSampleModels.waiting.get()).isZero();

        PacedSampleModels.releaseAll();
        try (ConfigurableApplicationContext second = start()) {
            Api author = new Api(port(second), user);
            JsonNode done = Eventually.until("the book to finish after the restart", () -> GenerationIntegrationTests.status(author, book),
                    s -> s.path("state").asString().equals("COMPLETED"));
            JdbcClient db = second.getBean(JdbcClient.class);
            List<String> drafted = draftSteps(db, book);
            assertThat(drafted).hasSize(done.path("scenesTotal").asInt()).containsAll(draftedBefore);
            List<Map<String, Object>> paidTwice = db.sql("""
                    SELECT step, count(*) FROM content.usage_entries WHERE book_id = CAST(:book AS uuid) AND step LIKE 'draft/%'
                    GROUP BY step HAVING count(*) > 1""").param("book", book).query().listOfRows();
            assertThat(paidTwice).isEmpty();
            long sceneVersions = db.sql("""
                    SELECT count(*) FROM content.versions WHERE book_id = CAST(:book AS uuid) AND subject LIKE 'scene:%' AND origin = 'generated'""")
                    .param("book", book).query(Long.class).single();
            assertThat(sceneVersions).isEqualTo(drafted.size());
            JsonNode details = ok(author.get("/api/v1/books/" + book), 200);
            assertThat(details.path("status").asString()).isEqualTo("COMPLETE");
            assertThat(details.path("words").asLong()).isPositive();
        }
    }

    private static List<String> draftSteps(JdbcClient db, String book) {
        return db.sql("SELECT key FROM content.checkpoints WHERE book_id = CAST(:book AS uuid) AND key LIKE 'draft/%' ORDER BY key")
                .param("book", book).query(String.class).list();
    }
}
