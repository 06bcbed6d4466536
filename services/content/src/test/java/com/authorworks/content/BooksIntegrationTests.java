package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class BooksIntegrationTests extends ContentIntegrationTest {

    private JsonNode createBook(Api api, String title) {
        return ok(api.post("/api/v1/books", json(Map.of("title", title, "format", "novella", "description", "A test"))), 201);
    }

    private JsonNode addChapter(Api api, String book, String title) {
        return ok(api.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", title))), 201);
    }

    private JsonNode addScene(Api api, String book, String chapter, String title, String html) {
        return ok(api.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes", json(Map.of("title", title, "content", html))), 201);
    }

    @Test
    void authorCreatesListsEditsAndDeletesABook() {
        Api author = newUser();
        String id = createBook(author, "The Lighthouse Keeper").path("id").asString();
        createBook(author, "Another Story");

        JsonNode page = ok(author.get("/api/v1/books?q=lighthouse"), 200);
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("title").asString()).isEqualTo("The Lighthouse Keeper");
        assertThat(ok(author.get("/api/v1/books?format=novella&status=DRAFT&size=1"), 200).path("total").asLong()).isEqualTo(2);
        assertThat(ok(author.get("/api/v1/books?format=screenplay"), 200).path("total").asLong()).isZero();

        JsonNode patched = ok(author.patch("/api/v1/books/" + id, json(Map.of("title", "The Keeper", "metadata", Map.of("genre", "gothic")))), 200);
        assertThat(patched.path("title").asString()).isEqualTo("The Keeper");
        assertThat(patched.path("metadata").path("genre").asString()).isEqualTo("gothic");
        assertThat(patched.path("format").asString()).isEqualTo("novella");

        ok(author.delete("/api/v1/books/" + id), 204);
        problem(author.get("/api/v1/books/" + id), 404, "book-not-found");
    }

    @Test
    void textPostgresCannotStoreIsRefusedNamingTheFieldNotA500() {
        Api author = newUser();
        JsonNode title = problem(author.post("/api/v1/books", "{\"title\":\"a\\u0000b\",\"format\":\"novel\"}"),
                400, "invalid-character");
        assertThat(title.path("field").asString()).isEqualTo("title");
        String book = createBook(author, "Clean").path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201)
                .path("id").asString();
        JsonNode content = problem(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                "{\"title\":\"s\",\"content\":\"<p>\\ud800</p>\"}"), 400, "invalid-character");
        assertThat(content.path("field").asString()).isEqualTo("content");
        for (String query : List.of("?q=%00", "?x=%ff", "?%ff=1")) {
            JsonNode refused = Api.JSON.readTree(author.get("/api/v1/books" + query).body());
            assertThat(refused.path("status").asInt()).as(query).isEqualTo(400);
            assertThat(refused.path("code").asString()).as(query).isIn("invalid-character", "invalid-encoding");
        }
        problem(author.get("/api/v1/books/" + book + "/export?format=%ff"), 400, "invalid-encoding");
        assertThat(ok(author.get("/api/v1/books"), 200).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void chaptersAndScenesAreWrittenAndReorderedByHand() {
        Api author = newUser();
        String book = createBook(author, "Order").path("id").asString();
        String one = addChapter(author, book, "One").path("id").asString();
        String two = addChapter(author, book, "Two").path("id").asString();
        String three = addChapter(author, book, "Three").path("id").asString();

        JsonNode reordered = ok(author.put("/api/v1/books/" + book + "/chapters/order", json(Map.of("ids", List.of(three, one, two)))), 200);
        assertThat(reordered.findValuesAsString("title")).containsExactly("Three", "One", "Two");

        String a = addScene(author, book, one, "A", "<p>First scene here.</p>").path("id").asString();
        String b = addScene(author, book, one, "B", "<p>Second.</p>").path("id").asString();
        ok(author.put("/api/v1/books/" + book + "/chapters/" + one + "/scenes/order", json(Map.of("ids", List.of(b, a)))), 200);
        ok(author.patch("/api/v1/books/" + book + "/chapters/" + two, json(Map.of("title", "Two, renamed"))), 200);
        ok(author.delete("/api/v1/books/" + book + "/chapters/" + three), 204);

        JsonNode details = ok(author.get("/api/v1/books/" + book), 200);
        JsonNode chapters = details.path("chapters");
        assertThat(chapters).hasSize(2);
        assertThat(chapters.get(0).path("title").asString()).isEqualTo("One");
        assertThat(chapters.get(0).path("number").asInt()).isEqualTo(1);
        assertThat(chapters.get(1).path("title").asString()).isEqualTo("Two, renamed");
        assertThat(chapters.get(0).path("scenes").findValuesAsString("title")).containsExactly("B", "A");
        assertThat(details.path("words").asLong()).isEqualTo(4);

        problem(author.put("/api/v1/books/" + book + "/chapters/order", json(Map.of("ids", List.of(one)))), 400, "invalid-order");
        ok(author.delete("/api/v1/books/" + book + "/chapters/" + one + "/scenes/" + b), 204);
        JsonNode remaining = ok(author.get("/api/v1/books/" + book), 200).path("chapters").get(0).path("scenes");
        assertThat(remaining).hasSize(1);
        assertThat(remaining.get(0).path("number").asInt()).isEqualTo(1);
    }

    @Test
    void anotherUsersBookSceneAndArtifactDoNotExistForYou() {
        Api author = newUser();
        Api stranger = newUser();
        String book = createBook(author, "Private").path("id").asString();
        String chapter = addChapter(author, book, "One").path("id").asString();
        String scene = addScene(author, book, chapter, "S", "<p>secret words</p>").path("id").asString();
        ok(author.put("/api/v1/books/" + book + "/artifacts/synopsis", json(Map.of("text", "secret plan"))), 200);

        String scenePath = "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + scene;
        problem(stranger.get("/api/v1/books/" + book), 404, "book-not-found");
        problem(stranger.get(scenePath), 404, "book-not-found");
        problem(stranger.get(scenePath + "/versions"), 404, "book-not-found");
        problem(stranger.patch(scenePath, json(Map.of("content", "<p>mine now</p>"))), 404, "book-not-found");
        problem(stranger.get("/api/v1/books/" + book + "/artifacts/synopsis"), 404, "book-not-found");
        problem(stranger.put("/api/v1/books/" + book + "/artifacts/synopsis", json(Map.of("text", "x"))), 404, "book-not-found");
        problem(stranger.delete("/api/v1/books/" + book), 404, "book-not-found");
        assertThat(ok(stranger.get("/api/v1/books"), 200).path("total").asLong()).isZero();

        Api admin = newUser("ADMIN");
        assertThat(ok(admin.get(scenePath), 200).path("content").asString()).contains("secret words");
        assertThat(ok(author.get(scenePath), 200).path("content").asString()).isEqualTo("<p>secret words</p>");
    }

    @Test
    void everySaveIsAVersionThatCanBeComparedAndRestored() {
        Api author = newUser();
        String book = createBook(author, "History").path("id").asString();
        String chapter = addChapter(author, book, "One").path("id").asString();
        String scene = addScene(author, book, chapter, "S", "<p>The sea was calm.</p><p>She waited.</p>").path("id").asString();
        String path = "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + scene;

        JsonNode v2 = ok(author.patch(path, json(Map.of("content", "<p>The sea was wild.</p><p>She waited.</p>", "baseVersion", 1))), 200);
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        ok(author.patch(path, json(Map.of("content", "<p>The sea was wild.</p><p>She waited.</p><p>Nobody came.</p>", "baseVersion", 2))), 200);

        JsonNode versions = ok(author.get(path + "/versions"), 200);
        assertThat(versions.findValuesAsString("origin")).containsExactly("edit", "edit", "edit");
        assertThat(versions.get(0).path("number").asInt()).isEqualTo(3);
        assertThat(ok(author.get(path + "/versions/1"), 200).path("body").asString()).contains("calm");

        JsonNode diff = ok(author.get(path + "/versions/diff?from=1&to=3"), 200);
        assertThat(diff.path("changes")).hasSize(2);
        assertThat(diff.path("changes").get(0).path("type").asString()).isEqualTo("change");
        assertThat(diff.path("changes").get(0).path("fromLines").get(0).asString()).isEqualTo("The sea was calm.");
        assertThat(diff.path("changes").get(0).path("toLines").get(0).asString()).isEqualTo("The sea was wild.");
        assertThat(diff.path("changes").get(1).path("type").asString()).isEqualTo("insert");

        JsonNode restored = ok(author.post(path + "/versions/1/restore", ""), 201);
        assertThat(restored.path("version").asInt()).isEqualTo(4);
        assertThat(restored.path("content").asString()).contains("calm");
        assertThat(ok(author.get(path + "/versions"), 200).get(0).path("origin").asString()).isEqualTo("restore of 1");
        problem(author.get(path + "/versions/99"), 404, "version-not-found");
    }

    @Test
    void aStaleEditIsRefusedWithTheCurrentVersionAndNothingIsLost() {
        Api author = newUser();
        String book = createBook(author, "Race").path("id").asString();
        String chapter = addChapter(author, book, "One").path("id").asString();
        String scene = addScene(author, book, chapter, "S", "<p>Start.</p>").path("id").asString();
        String path = "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + scene;

        ok(author.send(author.request(path).header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json(Map.of("content", "<p>Tab one.</p>"))))), 200);
        JsonNode conflict = problem(author.patch(path, json(Map.of("content", "<p>Tab two.</p>", "baseVersion", 1))), 409, "edit-conflict");
        assertThat(conflict.path("currentVersion").asInt()).isEqualTo(2);
        assertThat(ok(author.get(path), 200).path("content").asString()).isEqualTo("<p>Tab one.</p>");
        assertThat(ok(author.get(path + "/versions"), 200)).hasSize(2);

        ok(author.put("/api/v1/books/" + book + "/artifacts/outline", json(Map.of("acts", 3))), 200);
        var stale = author.send(author.request("/api/v1/books/" + book + "/artifacts/outline").header("Content-Type", "application/json")
                .header("If-Match", "\"0\"").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json(Map.of("acts", 4)))));
        assertThat(problem(stale, 409, "edit-conflict").path("currentVersion").asInt()).isEqualTo(1);
        assertThat(ok(author.get("/api/v1/books/" + book + "/artifacts/outline"), 200).path("document").path("acts").asInt()).isEqualTo(3);
    }

    @Test
    void sceneHtmlIsSanitisedAndWordsAreCountedOnTheServer() {
        Api author = newUser();
        String book = createBook(author, "Clean").path("id").asString();
        String chapter = addChapter(author, book, "One").path("id").asString();
        JsonNode scene = addScene(author, book, chapter, "S",
                "<p onclick=\"steal()\">Hello <strong>brave</strong> new world</p><script>alert('x')</script>"
                        + "<a href=\"javascript:alert(1)\">bad</a> <a href=\"https://example.com\">good link</a><img src=x onerror=alert(1)>");
        String html = scene.path("content").asString();
        assertThat(html).doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript").doesNotContain("<img")
                .contains("<strong>brave</strong>").contains("href=\"https://example.com\"").contains("rel=\"nofollow\"");
        // Hello brave new world (4), the unsafe link's text kept as text (1), good link (2)
        assertThat(scene.path("wordCount").asInt()).isEqualTo(7);
    }

    @Test
    void artifactsAreVersionedJsonDocuments() {
        Api author = newUser();
        String book = createBook(author, "Plan").path("id").asString();
        String path = "/api/v1/books/" + book + "/artifacts/characters";
        problem(author.get(path), 404, "artifact-not-found");
        problem(author.get("/api/v1/books/" + book + "/artifacts/recipes"), 404, "artifact-kind-not-found");
        ok(author.put(path, json(Map.of("characters", List.of(Map.of("name", "Ada"))))), 200);
        JsonNode second = ok(author.put(path, json(Map.of("characters", List.of(Map.of("name", "Ada Byron"))))), 200);
        assertThat(second.path("version").asInt()).isEqualTo(2);
        JsonNode diff = ok(author.get(path + "/versions/diff?from=1&to=2"), 200);
        assertThat(diff.path("changes").get(0).path("toLines").get(0).asString()).contains("Ada Byron");
        assertThat(ok(author.get("/api/v1/books/" + book), 200).path("artifacts").path("characters").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Api author = newUser();
        problem(author.post("/api/v1/books", json(Map.of("title", ""))), 400, "validation-failed");
        problem(author.post("/api/v1/books", json(Map.of("title", "X", "format", "limerick"))), 400, "invalid-format");
        problem(author.get("/api/v1/books?status=WHATEVER"), 400, "invalid-status");
        problem(author.get("/api/v1/books?size=1000"), 400, "invalid-page-size");
        problem(author.get("/api/v1/books/not-a-uuid"), 404, "book-not-found");
        String book = createBook(author, "Bad").path("id").asString();
        problem(author.patch("/api/v1/books/" + book, json(Map.of("status", "GENERATING"))), 400, "invalid-status");
        problem(author.post("/api/v1/books/" + book + "/chapters", "{\"title\":"), 400, "malformed-body");
        var anonymous = author.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/books")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
