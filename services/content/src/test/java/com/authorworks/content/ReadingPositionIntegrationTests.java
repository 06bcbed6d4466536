package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

class ReadingPositionIntegrationTests extends ContentIntegrationTest {

    @Autowired
    JdbcClient db;

    record Place(String book, String chapter, String scene, String otherScene) {
    }

    Place book(Api author) {
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "Tide Tables"))), 201).path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        String scenes = "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes";
        String first = ok(author.post(scenes, json(Map.of("title", "Ebb", "content", "<p>Low water.</p>"))), 201).path("id").asString();
        String second = ok(author.post(scenes, json(Map.of("title", "Flood", "content", "<p>High water.</p>"))), 201).path("id").asString();
        return new Place(book, chapter, first, second);
    }

    @Test
    void theReaderIsTakenBackToWhereTheyStopped() {
        Api reader = newUser();
        Place place = book(reader);
        String path = "/api/v1/books/" + place.book() + "/reading-position";
        HttpResponse<String> unread = reader.get(path);
        assertThat(unread.statusCode()).as("never read: no content, not an error").isEqualTo(204);
        assertThat(unread.body()).isEmpty();

        JsonNode saved = ok(reader.put(path, json(Map.of("chapterId", place.chapter(), "sceneId", place.scene(), "progress", 0.25))), 200);
        assertThat(saved.path("progress").asDouble()).isEqualTo(0.25);
        assertThat(saved.path("updatedAt").asString()).isNotBlank();
        ok(reader.put(path, json(Map.of("chapterId", place.chapter(), "sceneId", place.otherScene(), "progress", 0.5))), 200);

        JsonNode read = ok(reader.get(path), 200);
        assertThat(read.path("chapterId").asString()).isEqualTo(place.chapter());
        assertThat(read.path("sceneId").asString()).isEqualTo(place.otherScene());
        assertThat(read.path("progress").asDouble()).isEqualTo(0.5);

        ok(reader.delete("/api/v1/books/" + place.book()), 204);
        assertThat(db.sql("SELECT count(*) FROM content.reading_positions WHERE book_id = CAST(:book AS uuid)")
                .param("book", place.book()).query(Long.class).single()).isZero();
    }

    @Test
    void badPositionsAndOtherUsersBooksAreProblems() {
        Api reader = newUser();
        Api stranger = newUser();
        Place place = book(reader);
        Place elsewhere = book(reader);
        String path = "/api/v1/books/" + place.book() + "/reading-position";

        problem(reader.put(path, json(Map.of("chapterId", place.chapter(), "sceneId", place.scene(), "progress", 1.5))), 400, "validation-failed");
        problem(reader.put(path, json(Map.of("chapterId", place.chapter(), "sceneId", place.scene(), "progress", -0.1))), 400, "validation-failed");
        problem(reader.put(path, json(Map.of("chapterId", place.chapter(), "progress", 0.1))), 400, "validation-failed");
        problem(reader.put(path, json(Map.of("chapterId", elsewhere.chapter(), "sceneId", elsewhere.scene(), "progress", 0.1))), 404,
                "chapter-not-found");
        problem(reader.put(path, json(Map.of("chapterId", place.chapter(), "sceneId", UUID.randomUUID().toString(), "progress", 0.1))), 404,
                "scene-not-found");
        assertThat(reader.get(path).statusCode()).as("a refused place saves nothing").isEqualTo(204);

        ok(reader.put(path, json(Map.of("chapterId", place.chapter(), "sceneId", place.scene(), "progress", 1))), 200);
        problem(stranger.get(path), 404, "book-not-found");
        problem(stranger.put(path, json(Map.of("chapterId", place.chapter(), "sceneId", place.scene(), "progress", 0))), 404, "book-not-found");
        assertThat(ok(reader.get(path), 200).path("progress").asDouble()).isEqualTo(1.0);
    }
}
