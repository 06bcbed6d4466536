package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;

/** What the writer's studio reads from the server: one set of numbers, honest statuses, a history without placeholders. */
@Timeout(180)
class StudioIntegrationTests extends ContentIntegrationTest {

    private static String finished(Api author, String book) {
        HttpResponse<Stream<String>> stream = author.stream("/api/v1/books/" + book + "/events");
        String event = null;
        String lastData = null;
        for (Iterator<String> lines = stream.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                lastData = line.substring(5).strip();
            }
        }
        assertThat(event).isEqualTo("completed");
        return lastData;
    }

    @Test
    void wordsTokensAndCostAreTheSameOnTheCardTheBookAndTheUsageWhileWritingAndWhenFinished() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("sample"))), 202)
                .path("bookId").asString();

        JsonNode completed = Api.JSON.readTree(finished(author, book)).path("progress");
        JsonNode status = GenerationIntegrationTests.status(author, book);
        JsonNode details = ok(author.get("/api/v1/books/" + book), 200);
        JsonNode usage = ok(author.get("/api/v1/books/" + book + "/usage"), 200);

        assertThat(details.path("words").asLong()).isPositive();
        assertThat(status.path("words").asLong()).isEqualTo(details.path("words").asLong());
        assertThat(completed.path("words").asLong()).isEqualTo(details.path("words").asLong());
        assertThat(status.path("inputTokens").asLong()).isEqualTo(usage.path("inputTokens").asLong()).isPositive();
        assertThat(status.path("outputTokens").asLong()).isEqualTo(usage.path("outputTokens").asLong());
        assertThat(completed.path("inputTokens").asLong() + completed.path("outputTokens").asLong())
                .isEqualTo(usage.path("inputTokens").asLong() + usage.path("outputTokens").asLong());
        assertThat(status.path("costUsd").decimalValue()).isEqualByComparingTo(usage.path("costUsd").decimalValue());

        JsonNode list = ok(author.get("/api/v1/books"), 200).path("items").get(0);
        assertThat(list.path("words").asLong()).isEqualTo(details.path("words").asLong());
        assertThat(list.path("scenes").asInt()).isPositive().isEqualTo(list.path("scenesDrafted").asInt());
        assertThat(details.path("cover").asBoolean(true)).as("no cover uploaded").isFalse();
    }

    @Test
    void chaptersAreDraftsOnceEveryOneOfTheirScenesIsAndTheHistoryHasNoEmptyPlaceholder() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("sample"))), 202)
                .path("bookId").asString();
        finished(author, book);

        JsonNode details = ok(author.get("/api/v1/books/" + book), 200);
        assertThat(details.path("chapters").valueStream().map(c -> c.path("status").asString())).containsOnly("DRAFT");
        JsonNode chapter = details.path("chapters").get(0);
        JsonNode scene = chapter.path("scenes").get(0);
        String scenePath = "/api/v1/books/" + book + "/chapters/" + chapter.path("id").asString() + "/scenes/" + scene.path("id").asString();

        JsonNode versions = ok(author.get(scenePath + "/versions"), 200);
        assertThat(versions.valueStream().map(v -> v.path("origin").asString())).isNotEmpty().doesNotContain("planned");
        assertThat(versions.valueStream().mapToInt(v -> v.path("wordCount").asInt())).allMatch(words -> words > 0);
        problem(author.post(scenePath + "/versions/1/restore", "{}"), 409, "version-placeholder");
        assertThat(ok(author.get(scenePath), 200).path("wordCount").asInt()).as("the scene keeps its text").isPositive();
    }

    @Test
    void genreAndStyleAreFieldsOfTheRequestAndTheSampleWriterFollowsTheAuthor() {
        Api author = newUser();
        Map<String, Object> request = new java.util.HashMap<>(GenerationIntegrationTests.smallBook("sample"));
        request.put("braindump", "Mara Quill keeps the lighthouse. When her brother Tobias vanishes, Mara reads his letters.");
        request.put("genre", "cosy mystery");
        request.put("style", "first person, dry humour");
        String book = ok(author.post("/api/v1/books/generate", json(request)), 202).path("bookId").asString();
        finished(author, book);

        JsonNode genre = ok(author.get("/api/v1/books/" + book + "/artifacts/genre"), 200);
        assertThat(genre.path("document").path("genre").asString()).isEqualTo("cosy mystery");
        JsonNode cast = ok(author.get("/api/v1/books/" + book + "/artifacts/characters"), 200);
        assertThat(cast.path("document").path("characters").findValuesAsString("name")).contains("Mara Quill", "Tobias");

        Map<String, Object> tooLong = new java.util.HashMap<>(GenerationIntegrationTests.smallBook("sample"));
        tooLong.put("genre", "g".repeat(301));
        assertThat(author.post("/api/v1/books/generate", json(tooLong)).statusCode()).isEqualTo(400);
    }

    @Test
    void aBookIsDuplicatedWithItsChaptersAndTextAndTheOriginalStaysAsItWas() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "Salt", "format", "novel"))), 201).path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "Harbour"))), 201).path("id").asString();
        ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", "Dusk", "content", "<p>The boats came in late.</p>"))), 201);

        JsonNode copy = ok(author.post("/api/v1/books/" + book + "/duplicate", "{}"), 201);

        assertThat(copy.path("id").asString()).isNotEqualTo(book);
        assertThat(copy.path("title").asString()).isEqualTo("Salt (copy)");
        assertThat(copy.path("words").asLong()).isEqualTo(5);
        JsonNode copied = copy.path("chapters").get(0);
        assertThat(copied.path("title").asString()).isEqualTo("Harbour");
        String scene = copied.path("scenes").get(0).path("id").asString();
        assertThat(ok(author.get("/api/v1/books/" + copy.path("id").asString() + "/chapters/" + copied.path("id").asString()
                + "/scenes/" + scene), 200).path("content").asString()).isEqualTo("<p>The boats came in late.</p>");
        assertThat(ok(author.post("/api/v1/books/" + book + "/duplicate", json(Map.of("title", "Salt, second draft"))), 201)
                .path("title").asString()).isEqualTo("Salt, second draft");
        assertThat(ok(author.get("/api/v1/books/" + book), 200).path("chapters")).hasSize(1);
        assertThat(ok(author.get("/api/v1/books"), 200).path("items")).hasSize(3);

        problem(newUser().post("/api/v1/books/" + book + "/duplicate", "{}"), 404, "book-not-found");
        assertThat(author.post("/api/v1/books/" + book + "/duplicate", json(Map.of("title", "x".repeat(301)))).statusCode()).isEqualTo(400);
    }
}
