package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Find and replace across a book: a preview with context, then every previewed scene saved as its next version. */
class FindReplaceIntegrationTests extends ContentIntegrationTest {

    @Test
    void aNameIsFoundAcrossTheBookAndReplacedInThePreviewedScenesLeavingOneEditedSinceAlone() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "The Lamp Room"))), 201).path("id").asString();
        String one = scene(author, book, "One", "<p>Mara climbed the <em>stairs</em>. Mara's lamp was out.</p>");
        String two = scene(author, book, "Two", "<p>Nobody waited for Mara.</p>");
        String three = scene(author, book, "Three", "<p>The sea, and no one in it.</p>");

        JsonNode found = ok(author.post("/api/v1/books/" + book + "/find", json(Map.of("find", "mara", "wholeWord", true))), 200);
        assertThat(found.path("total").asInt()).isEqualTo(3);
        assertThat(found.path("scenes").size()).isEqualTo(2);
        JsonNode first = found.path("scenes").get(0);
        assertThat(first.path("sceneTitle").asString()).isEqualTo("One");
        assertThat(first.path("count").asInt()).isEqualTo(2);
        assertThat(first.path("samples").get(1).toString()).isEqualTo("{\"before\":\". \",\"text\":\"Mara\",\"after\":\"'s lamp was out.\"}");
        Map<String, Integer> previewed = new HashMap<>();
        found.path("scenes").forEach(s -> previewed.put(s.path("sceneId").asString(), s.path("version").asInt()));

        // the second scene is saved again after the preview
        ok(author.patch(two, json(Map.of("content", "<p>Nobody waited for Mara. Not even the dog.</p>", "baseVersion", 1))), 200);

        JsonNode replaced = ok(author.post("/api/v1/books/" + book + "/replace", json(Map.of("find", "Mara", "replace", "Nell",
                "matchCase", true, "wholeWord", true, "versions", previewed))), 200);
        assertThat(replaced.path("replaced").asInt()).isEqualTo(2);
        assertThat(replaced.path("scenesChanged").asInt()).isEqualTo(1);
        assertThat(replaced.path("changedSincePreview").toString()).contains(two.substring(two.lastIndexOf('/') + 1));

        JsonNode scene = ok(author.get(one), 200);
        assertThat(scene.path("content").asString()).isEqualTo("<p>Nell climbed the <em>stairs</em>. Nell&#39;s lamp was out.</p>"); // as the sanitiser stores an apostrophe
        assertThat(scene.path("version").asInt()).isEqualTo(2);
        assertThat(ok(author.get(one + "/versions"), 200).size()).as("the old text is in the history").isEqualTo(2);
        assertThat(ok(author.get(two), 200).path("content").asString()).contains("Mara");
        assertThat(ok(author.get(three), 200).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void badPatternsAreProblemsThatChangeNothingAndStrangersFindNoBook() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "Patterns"))), 201).path("id").asString();
        String one = scene(author, book, "One", "<p>" + "a".repeat(40) + "!</p>");

        problem(author.post("/api/v1/books/" + book + "/find", json(Map.of("find", "(a", "regex", true))), 400, "invalid-pattern");
        problem(author.post("/api/v1/books/" + book + "/replace", json(Map.of("find", "(.*a){12}$", "replace", "b", "regex", true))), 400,
                "pattern-too-slow");
        problem(author.post("/api/v1/books/" + book + "/replace", json(Map.of("find", "(a)", "replace", "$9", "regex", true))), 400,
                "invalid-replacement");
        problem(author.post("/api/v1/books/" + book + "/find", json(Map.of("find", ""))), 400, "invalid-find");
        assertThat(ok(author.get(one), 200).path("version").asInt()).isEqualTo(1);

        Api stranger = newUser();
        problem(stranger.post("/api/v1/books/" + book + "/find", json(Map.of("find", "a"))), 404, "book-not-found");
        problem(stranger.post("/api/v1/books/" + book + "/replace", json(Map.of("find", "a", "replace", "b"))), 404, "book-not-found");
        assertThat(ok(author.get(one), 200).path("version").asInt()).isEqualTo(1);
    }

    private static String scene(Api author, String book, String title, String html) {
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", title))), 201).path("id").asString();
        String scene = ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes", json(Map.of("title", title, "content", html))), 201)
                .path("id").asString();
        return "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + scene;
    }
}
