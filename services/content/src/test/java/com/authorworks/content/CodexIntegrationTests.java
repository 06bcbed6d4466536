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

/** The codex: the author's editable story bible, seeded from the ledger, and what the drafting prompts carry. */
@Timeout(240)
class CodexIntegrationTests extends ContentIntegrationTest {

    @Test
    void anEditedFactAnAlwaysEntryAndANeverEntryShapeTheRegeneratedScenesPrompt() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("recording-sample"))), 202)
                .path("bookId").asString();
        Eventually.until("the book to finish", () -> GenerationIntegrationTests.status(author, book), s -> s.path("state").asString().equals("COMPLETED"));
        String codex = "/api/v1/books/" + book + "/codex";
        JsonNode plan = ok(author.get("/api/v1/books/" + book + "/artifacts/outline"), 200).path("document").path("chapters").get(0)
                .path("scenes").get(0);
        String pov = plan.path("pov").asString();
        String setting = plan.path("setting").asString();

        // seeded from the ledger: the cast as of the plan, with the facts scenes established later
        List<JsonNode> entries = entries(ok(author.get(codex), 200));
        JsonNode povEntry = entries.stream().filter(e -> e.path("name").asString().equalsIgnoreCase(pov)).findFirst().orElseThrow();
        assertThat(povEntry.path("kind").asString()).isEqualTo("CHARACTER");
        assertThat(povEntry.path("source").asString()).isEqualTo("EXTRACTED");
        JsonNode goal = facts(povEntry).stream().filter(f -> "goal".equals(f.path("attribute").asString())).findFirst().orElseThrow();
        assertThat(goal.path("fromScene").asInt()).isZero();
        assertThat(entries).anySatisfy(e -> assertThat(facts(e)).anySatisfy(f -> assertThat(f.path("fromScene").asInt()).isPositive()));

        String edited = "walks with a cane carved from driftwood since the storm";
        String factPath = codex + "/" + povEntry.path("id").asString() + "/facts/" + goal.path("id").asString();
        JsonNode changed = ok(author.patch(factPath, json(Map.of("text", edited))), 200);
        assertThat(changed.path("edited").asBoolean()).isTrue();
        JsonNode oath = ok(author.post(codex, json(Map.of("kind", "lore", "name", "The Brine Oath", "aliases", List.of("the oath"),
                "pinned", "always"))), 201);
        ok(author.post(codex + "/" + oath.path("id").asString() + "/facts",
                json(Map.of("text", "Every smuggler swears it at dawn and breaks it at dusk", "fromScene", 1))), 201);
        JsonNode place = entries.stream().filter(e -> e.path("name").asString().equalsIgnoreCase(setting)).findFirst()
                .orElseGet(() -> ok(author.post(codex, json(Map.of("kind", "place", "name", setting))), 201));
        ok(author.post(codex + "/" + place.path("id").asString() + "/facts", json(Map.of("text", "hides a tunnel under the salt store"))), 201);
        ok(author.patch(codex + "/" + place.path("id").asString(), json(Map.of("pinned", "never"))), 200);

        // extraction neither overwrites the author's edit nor brings back what they deleted
        JsonNode other = facts(povEntry).stream().filter(f -> !f.path("id").equals(goal.path("id"))).findFirst().orElseThrow();
        ok(author.delete(codex + "/" + povEntry.path("id").asString() + "/facts/" + other.path("id").asString()), 204);
        JsonNode again = entries(ok(author.get(codex), 200)).stream().filter(e -> e.path("id").equals(povEntry.path("id"))).findFirst().orElseThrow();
        assertThat(facts(again)).extracting(f -> f.path("text").asString()).contains(edited).doesNotContain(goal.path("text").asString(),
                other.path("text").asString());

        JsonNode chapters = ok(author.get("/api/v1/books/" + book), 200).path("chapters");
        String first = chapters.get(0).path("id").asString();
        String firstScene = chapters.get(0).path("scenes").get(0).path("id").asString();
        String instructions = "/api/v1/books/" + book + "/instructions";
        assertThat(ok(author.get(instructions), 200).path("text").asString()).isEmpty();
        assertThat(ok(author.put(instructions, json(Map.of("text", "  Always British spelling.\nNever name the town.  "))), 200)
                .path("text").asString()).isEqualTo("Always British spelling.\nNever name the town.");
        RecordingSampleModels.drafts.clear();
        ok(author.post("/api/v1/books/" + book + "/chapters/" + first + "/scenes/" + firstScene + "/generate", ""), 202);
        Eventually.until("the scene to be generated again", () -> GenerationIntegrationTests.status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));

        String prompt = RecordingSampleModels.drafts.getFirst();
        String part = section(prompt, "## Codex");
        assertThat(part).contains("- " + edited).doesNotContain(goal.path("text").asString())
                .contains("The Brine Oath (lore; also the oath)").contains("- Every smuggler swears it at dawn and breaks it at dusk")
                .doesNotContain("hides a tunnel under the salt store").doesNotContain("\n" + setting + " (");
        assertThat(part).startsWith("## Codex: what holds as of this");
        assertThat(prompt).endsWith("## The author's standing instructions (they override the rest)\n\nAlways British spelling.\nNever name the town.");
        JsonNode manifest = ok(author.get("/api/v1/books/" + book + "/chapters/" + first + "/scenes/" + firstScene + "/manifest"), 200);
        List<String> parts = new ArrayList<>();
        manifest.path("parts").forEach(p -> parts.add(p.path("name").asString()));
        assertThat(parts).contains("codex").doesNotContain("story ledger");
        // the manifest keeps the prompt exactly as the model was sent it
        assertThat(manifest.path("prompt").asString()).isEqualTo(prompt);
        assertThat(manifest.path("system").asString()).isNotBlank();
    }

    @Test
    void badInputIsAProblemAndOthersSeeNoCodex() {
        Api author = newUser();
        Api stranger = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "By hand"))), 201).path("id").asString();
        String codex = "/api/v1/books/" + book + "/codex";
        assertThat(ok(author.get(codex), 200).path("entries")).isEmpty();

        JsonNode mara = ok(author.post(codex, json(Map.of("kind", "character", "name", "Mara Vell", "aliases", List.of("the Widow"),
                "description", "A smuggler."))), 201);
        assertThat(mara.path("aliases").get(0).asString()).isEqualTo("the Widow");
        assertThat(mara.path("pinned").asString()).isEqualTo("AUTO");
        problem(author.post(codex, json(Map.of("kind", "place", "name", "The widow"))), 409, "duplicate-codex-name");
        problem(author.post(codex, json(Map.of("kind", "place", "name", "Harbour", "aliases", List.of("mara vell")))), 409, "duplicate-codex-name");
        problem(author.post(codex, json(Map.of("kind", "spaceship", "name", "Harbour"))), 400, "invalid-kind");
        problem(author.post(codex, json(Map.of("kind", "place", "name", "x".repeat(201)))), 400, "invalid-name");
        problem(author.post(codex, json(Map.of("kind", "place", "name", "Harbour", "pinned", "sometimes"))), 400, "invalid-pinned");
        problem(author.post(codex, json(Map.of("kind", "place", "name", " "))), 400, "invalid-name");
        String entry = codex + "/" + mara.path("id").asString();
        problem(author.post(entry + "/facts", json(Map.of("text", "y".repeat(2001)))), 400, "invalid-fact");
        problem(author.post(entry + "/facts", json(Map.of("text", "lost a hand", "fromScene", -1))), 400, "invalid-from-scene");
        JsonNode fact = ok(author.post(entry + "/facts", json(Map.of("text", "lost a hand", "fromScene", 3))), 201);
        assertThat(fact.path("source").asString()).isEqualTo("AUTHOR");
        JsonNode moved = ok(author.patch(entry + "/facts/" + fact.path("id").asString(), json(Map.of("fromScene", 4))), 200);
        assertThat(moved.path("fromScene").asInt()).isEqualTo(4);
        assertThat(moved.path("text").asString()).isEqualTo("lost a hand");
        JsonNode renamed = ok(author.patch(entry, json(Map.of("aliases", List.of("Widow Vell", "the Widow")))), 200);
        assertThat(renamed.path("aliases")).extracting(JsonNode::asString).containsExactly("Widow Vell", "the Widow");
        assertThat(entries(ok(author.get(codex + "?q=widow%20vell"), 200))).hasSize(1);
        assertThat(entries(ok(author.get(codex + "?kind=place"), 200))).isEmpty();

        String instructions = "/api/v1/books/" + book + "/instructions";
        problem(author.put(instructions, json(Map.of("text", "z".repeat(1001)))), 400, "instructions-too-long");
        ok(author.put(instructions, json(Map.of("text", "First person only."))), 200);
        problem(stranger.get(instructions), 404, "book-not-found");
        problem(stranger.put(instructions, json(Map.of("text", "Mine now."))), 404, "book-not-found");
        assertThat(ok(author.put(instructions, json(Map.of("text", "  "))), 200).path("text").asString()).isEmpty();
        assertThat(ok(author.get(instructions), 200).path("text").asString()).isEmpty();
        problem(stranger.get(codex), 404, "book-not-found");
        problem(stranger.patch(entry, json(Map.of("name", "Mine"))), 404, "book-not-found");
        problem(stranger.delete(entry + "/facts/" + fact.path("id").asString()), 404, "book-not-found");
        String otherBook = ok(stranger.post("/api/v1/books", json(Map.of("title", "Theirs"))), 201).path("id").asString();
        problem(stranger.delete("/api/v1/books/" + otherBook + "/codex/" + mara.path("id").asString()), 404, "codex-entry-not-found");
        problem(stranger.post("/api/v1/books/" + otherBook + "/codex/" + mara.path("id").asString() + "/facts", "{}"), 404, "codex-entry-not-found");
        problem(stranger.patch("/api/v1/books/" + otherBook + "/codex/" + mara.path("id").asString() + "/facts/" + fact.path("id").asString(),
                json(Map.of("text", ""))), 404, "codex-entry-not-found");

        ok(author.delete(entry + "/facts/" + fact.path("id").asString()), 204);
        problem(author.delete(entry + "/facts/" + fact.path("id").asString()), 404, "codex-fact-not-found");
        ok(author.delete(entry), 204);
        assertThat(entries(ok(author.get(codex), 200))).isEmpty();
        // the name is free again once the entry is gone
        ok(author.post(codex, json(Map.of("kind", "character", "name", "Mara Vell"))), 201);
    }

    private static List<JsonNode> entries(JsonNode codex) {
        List<JsonNode> list = new ArrayList<>();
        codex.path("entries").forEach(list::add);
        return list;
    }

    private static List<JsonNode> facts(JsonNode entry) {
        List<JsonNode> list = new ArrayList<>();
        entry.path("facts").forEach(list::add);
        return list;
    }

    /** The part of a prompt under {@code heading}, up to the next part. */
    private static String section(String prompt, String heading) {
        int start = prompt.indexOf(heading);
        assertThat(start).as("the prompt has a part " + heading + ":\n" + prompt).isNotNegative();
        int end = prompt.indexOf("\n## ", start + 1);
        return end < 0 ? prompt.substring(start) : prompt.substring(start, end);
    }
}
