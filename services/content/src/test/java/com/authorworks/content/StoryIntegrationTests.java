package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;

/** What the web's book view shows besides the text: the story ledger and what each step cost. */
@Timeout(180)
class StoryIntegrationTests extends ContentIntegrationTest {

    @Test
    void aGeneratedBookShowsItsLedgerInStoryOrderAndItsCostPerStep() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("sample"))), 202)
                .path("bookId").asString();
        JsonNode done = Eventually.until("the book to finish", () -> GenerationIntegrationTests.status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));

        JsonNode ledger = ok(author.get("/api/v1/books/" + book + "/ledger"), 200);
        assertThat(ledger.path("aliases").isObject()).isTrue();
        JsonNode cast = ok(author.get("/api/v1/books/" + book + "/artifacts/characters"), 200).path("document").path("characters");
        List<JsonNode> facts = new ArrayList<>();
        ledger.path("facts").forEach(facts::add);
        assertThat(facts).filteredOn(f -> f.path("since").path("chapter").asInt() == 0)
                .extracting(f -> f.path("subject").asString()).contains(cast.get(0).path("name").asString());
        assertThat(facts).anySatisfy(f -> assertThat(f.path("since").path("chapter").asInt()).isPositive());
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.path("kind").asString()).isIn("CHARACTER", "PLACE", "OBJECT", "RELATIONSHIP");
            assertThat(f.has("until")).isTrue();
        });
        assertThat(facts).extracting(f -> f.path("since").path("chapter").asInt() * 100 + f.path("since").path("scene").asInt()).isSorted();
        // a fact that ended was superseded there by a fact about the same subject and attribute
        for (JsonNode ended : facts.stream().filter(f -> !f.path("until").isNull()).toList()) {
            assertThat(facts).anySatisfy(f -> {
                assertThat(f.path("subject").asString()).isEqualToIgnoringCase(ended.path("subject").asString());
                assertThat(f.path("attribute").asString()).isEqualTo(ended.path("attribute").asString());
                assertThat(f.path("since")).isEqualTo(ended.path("until"));
            });
        }

        JsonNode usage = ok(author.get("/api/v1/books/" + book + "/usage"), 200);
        assertThat(usage.path("inputTokens").asLong()).isEqualTo(done.path("inputTokens").asLong());
        assertThat(usage.path("outputTokens").asLong()).isEqualTo(done.path("outputTokens").asLong());
        List<JsonNode> steps = new ArrayList<>();
        usage.path("steps").forEach(steps::add);
        // in the order first paid for: the plan, then chapters drafted side by side (the default window), then the summaries
        // (a one-act book's summary is its act's, shortened by the engine without a call of its own)
        assertThat(steps).extracting(s -> s.path("step").asString()).startsWith("plan/genre", "plan/style", "plan/characters",
                "plan/synopsis", "plan/outline").contains("draft/c001/s01").doesNotHaveDuplicates()
                .last().asString().matches("summary/(a\\d+|book)");
        assertThat(steps.get(0).path("phase").asString()).isEqualTo("plan");
        assertThat(steps.get(0).path("chapter").isNull()).isTrue();
        JsonNode firstDraft = steps.stream().filter(s -> s.path("step").asString().equals("draft/c001/s01")).findFirst().orElseThrow();
        assertThat(List.of(firstDraft.path("phase").asString(), firstDraft.path("chapter").asInt(), firstDraft.path("scene").asInt()))
                .containsExactly("draft", 1, 1);
        assertThat(steps).filteredOn(s -> s.path("step").asString().startsWith("memory/"))
                .allSatisfy(s -> assertThat(s.path("phase").asString()).isEqualTo("summary"));
        assertThat(steps.stream().mapToLong(s -> s.path("calls").asLong()).sum()).isEqualTo(usage.path("calls").asLong());
        assertThat(steps.stream().mapToLong(s -> s.path("inputTokens").asLong()).sum()).isEqualTo(usage.path("inputTokens").asLong());
    }

    @Test
    void aBookWrittenByHandHasAnEmptyLedgerAndNoCostAndOthersSeeNeither() {
        Api author = newUser();
        Api stranger = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "By hand"))), 201).path("id").asString();

        JsonNode ledger = ok(author.get("/api/v1/books/" + book + "/ledger"), 200);
        assertThat(ledger.path("aliases").isEmpty()).isTrue();
        assertThat(ledger.path("facts").isArray()).isTrue();
        assertThat(ledger.path("facts").isEmpty()).isTrue();
        JsonNode usage = ok(author.get("/api/v1/books/" + book + "/usage"), 200);
        assertThat(usage.path("calls").asLong()).isZero();
        assertThat(usage.path("costUsd").decimalValue()).isZero();
        assertThat(usage.path("steps").isEmpty()).isTrue();

        problem(stranger.get("/api/v1/books/" + book + "/ledger"), 404, "book-not-found");
        problem(stranger.get("/api/v1/books/" + book + "/usage"), 404, "book-not-found");
    }
}
