package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The seed's "disk full": with less free space on the data directory's disk than
 * {@code authorworks.content.min-free-disk}, a new generation is refused with {@code 507 disk-full} saying so,
 * and leaves no half-made book; once there is room again (here: the setting lowered, read at each request)
 * generations are accepted. The free space is the real file system's.
 */
class DiskFullIntegrationTests extends ContentIntegrationTest {

    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    JdbcClient db;

    @AfterEach
    void roomAgain() {
        environment.getPropertySources().remove("disk-full");
    }

    @Test
    void aNewGenerationIsRefusedWithAClearMessageWhileTheDiskIsAlmostFull() {
        Api author = newUser();
        // more than any disk has free
        environment.getPropertySources().addFirst(new MapPropertySource("disk-full",
                Map.of("authorworks.content.min-free-disk", "1000TB")));

        JsonNode refused = problem(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("sample"))),
                507, "disk-full");
        assertThat(refused.path("detail").asString()).contains("disk is almost full").contains("MB free");
        assertThat(refused.path("freeBytes").asLong()).isPositive();
        assertThat(db.sql("SELECT count(*) FROM content.books WHERE user_id = :user").param("user", author.user)
                .query(Long.class).single()).as("no half-made book").isZero();

        environment.getPropertySources().remove("disk-full");
        ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("sample"))), 202);
    }
}
