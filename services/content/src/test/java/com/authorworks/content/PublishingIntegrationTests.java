package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

class PublishingIntegrationTests extends ContentIntegrationTest {

    @Autowired
    RecordedEvents events;

    record Written(String book, String chapter, String scene) {

        String scenePath() {
            return "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + scene;
        }
    }

    static Written write(Api author, String title) {
        String book = ok(author.post("/api/v1/books", json(Map.of("title", title, "metadata", Map.of("secret", "plot twist")))), 201)
                .path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        String scene = ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", "Harbour", "content", "<p>The lamps came on one by one along the quay.</p>"))), 201)
                .path("id").asString();
        return new Written(book, chapter, scene);
    }

    HttpResponse<String> anonymous(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPublishedBookIsReadBySomeoneElseUntilItsAuthorTakesItDown() {
        Api author = newUser();
        Api reader = newUser();
        Written w = write(author, "Harbour Lights");
        String book = "/api/v1/books/" + w.book();

        problem(reader.get(book), 404, "book-not-found");
        problem(reader.get(w.scenePath()), 404, "book-not-found");
        problem(anonymous(book), 404, "book-not-found");
        assertThat(ok(author.get(book + "/publication"), 200).path("publication").asString()).isEqualTo("DRAFT");

        JsonNode listing = ok(author.patch(book + "/publication", json(Map.of("blurb", "A lighthouse keeper's daughter.",
                "genre", "Literary", "tags", List.of("Found Family", "sea", "found family"), "contentWarnings", List.of("none"),
                "rating", "teen", "language", "en", "status", "complete"))), 200);
        assertThat(listing.path("genre").asString()).isEqualTo("literary");
        assertThat(listing.path("tags").toString()).isEqualTo("[\"found family\",\"sea\"]");
        assertThat(events.stream(BookPublished.class).filter(e -> e.book().bookId().toString().equals(w.book())))
                .as("a draft's listing is nobody's news").isEmpty();

        JsonNode published = ok(author.post(book + "/publish", ""), 200);
        assertThat(published.path("publication").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("readership").asString()).isEqualTo("ANYONE");
        assertThat(published.path("publishedAt").asString()).isNotBlank();
        PublishedBook announced = events.stream(BookPublished.class).map(BookPublished::book)
                .filter(b -> b.bookId().toString().equals(w.book())).reduce((a, b) -> b).orElseThrow();
        assertThat(announced.bookId().toString()).isEqualTo(w.book());
        assertThat(announced.title()).isEqualTo("Harbour Lights");
        assertThat(announced.blurb()).isEqualTo("A lighthouse keeper's daughter.");
        assertThat(announced.tags()).containsExactly("found family", "sea");
        assertThat(announced.words()).isEqualTo(10);
        assertThat(announced.chapters()).isEqualTo(1);
        assertThat(announced.readership()).isEqualTo(AccessPolicy.Readership.ANYONE);

        JsonNode asReader = ok(reader.get(book), 200);
        assertThat(asReader.path("access").asString()).isEqualTo("READ");
        assertThat(asReader.path("metadata").toString()).as("the owner's private metadata").isEqualTo("{}");
        assertThat(asReader.path("listing").path("blurb").asString()).isEqualTo("A lighthouse keeper's daughter.");
        assertThat(asReader.path("listing").path("genre").asString()).isEqualTo("literary");
        assertThat(asReader.path("chapters").get(0).path("scenes").get(0).path("id").asString()).isEqualTo(w.scene());
        assertThat(ok(author.get(book), 200).path("metadata").path("secret").asString()).isEqualTo("plot twist");
        assertThat(ok(reader.get(w.scenePath()), 200).path("content").asString()).contains("The lamps came on");
        assertThat(ok(anonymous(w.scenePath()), 200).path("content").asString()).contains("The lamps came on");

        // reading is not changing: the reader can write nothing in it
        problem(reader.patch(book, json(Map.of("title", "Mine now"))), 404, "book-not-found");
        problem(reader.patch(w.scenePath(), json(Map.of("content", "<p>defaced</p>"))), 404, "book-not-found");
        problem(reader.post(book + "/unpublish", ""), 404, "book-not-found");
        problem(reader.get(book + "/publication"), 404, "book-not-found");
        problem(reader.get(book + "/chapters/" + w.chapter() + "/scenes/" + w.scene() + "/versions"), 404, "book-not-found");

        ok(author.patch(book + "/publication", json(Map.of("audience", "signed-in"))), 200);
        assertThat(events.stream(BookPublished.class).filter(e -> e.book().bookId().toString().equals(w.book()))
                .reduce((a, b) -> b).orElseThrow().book().readership())
                .isEqualTo(AccessPolicy.Readership.SIGNED_IN);
        problem(anonymous(book), 404, "book-not-found");
        ok(reader.get(w.scenePath()), 200);

        JsonNode down = ok(author.post(book + "/unpublish", ""), 200);
        assertThat(down.path("publication").asString()).isEqualTo("UNPUBLISHED");
        assertThat(events.stream(BookUnpublished.class).map(e -> e.bookId().toString()).filter(w.book()::equals)).hasSize(1);
        problem(reader.get(book), 404, "book-not-found");
        problem(reader.get(w.scenePath()), 404, "book-not-found");
        ok(author.get(w.scenePath()), 200);

        ok(author.post(book + "/publish", "{}"), 200);
        ok(reader.get(book), 200);
        assertThat(ok(author.post(book + "/archive", ""), 200).path("publication").asString()).isEqualTo("ARCHIVED");
        assertThat(events.stream(BookUnpublished.class).map(e -> e.bookId().toString()).filter(w.book()::equals)).hasSize(2);
        problem(reader.get(book), 404, "book-not-found");

        // every announcement of the book (publish, listing changes, takedowns) carries a revision one above the one before
        java.util.List<Long> revisions = events.stream(Object.class).map(event -> event instanceof BookPublished p && p.book().bookId().toString().equals(w.book())
                        ? (Long) p.revision()
                        : event instanceof BookUnpublished u && u.bookId().toString().equals(w.book()) ? (Long) u.revision() : null)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(revisions).hasSizeGreaterThanOrEqualTo(5);
        assertThat(revisions).isEqualTo(java.util.stream.LongStream.rangeClosed(1, revisions.size()).boxed().toList());
    }

    @Test
    void aScheduledBookIsPublishedWhenItsTimeComes() {
        Api author = newUser();
        Api reader = newUser();
        Written w = write(author, "Tomorrow's Tide");
        String book = "/api/v1/books/" + w.book();
        JsonNode scheduled = ok(author.post(book + "/publish", json(Map.of("at", Instant.now().plusSeconds(1).toString()))), 200);
        assertThat(scheduled.path("publication").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.path("publishAt").asString()).isNotBlank();
        problem(reader.get(book), 404, "book-not-found");

        Eventually.until("the scheduled book published", () -> reader.get(book).statusCode(), status -> status == 200);
        assertThat(ok(author.get(book + "/publication"), 200).path("publication").asString()).isEqualTo("PUBLISHED");
        assertThat(events.stream(BookPublished.class).map(e -> e.book().bookId().toString())).contains(w.book());

        Written later = write(author, "Cancelled Tide");
        ok(author.post("/api/v1/books/" + later.book() + "/publish", json(Map.of("at", Instant.now().plusSeconds(3600).toString()))), 200);
        assertThat(ok(author.post("/api/v1/books/" + later.book() + "/unpublish", ""), 200).path("publication").asString())
                .as("a schedule called off before it came is a draft again").isEqualTo("DRAFT");
    }

    @Test
    void anAuthorsShelfShowsOthersOnlyWhatTheyMayRead() {
        Api author = newUser();
        Api reader = newUser();
        Written open = write(author, "Open Water");
        Written members = write(author, "Members' Harbour");
        Written draft = write(author, "Drydock");
        ok(author.post("/api/v1/books/" + open.book() + "/publish", ""), 200);
        ok(author.patch("/api/v1/books/" + members.book() + "/publication", json(Map.of("audience", "SIGNED_IN"))), 200);
        ok(author.post("/api/v1/books/" + members.book() + "/publish", ""), 200);
        String shelf = "/api/v1/users/" + author.user + "/books";

        assertThat(titles(ok(author.get(shelf), 200))).containsExactlyInAnyOrder("Open Water", "Members' Harbour", "Drydock");
        assertThat(titles(ok(reader.get(shelf), 200))).containsExactlyInAnyOrder("Open Water", "Members' Harbour");
        assertThat(titles(ok(anonymous(shelf), 200))).containsExactly("Open Water");
        assertThat(ok(reader.get(shelf), 200).path("total").asLong()).isEqualTo(2);
        assertThat(titles(ok(reader.get("/api/v1/users/" + reader.user + "/books"), 200))).isEmpty();
        assertThat(draft.book()).isNotBlank();
    }

    @Test
    void aReadersFirstPlaceInSomeoneElsesBookIsAnnouncedOnce() {
        Api author = newUser();
        Api reader = newUser();
        Written w = write(author, "Slow Current");
        String position = "/api/v1/books/" + w.book() + "/reading-position";
        Map<String, Object> place = Map.of("chapterId", w.chapter(), "sceneId", w.scene(), "progress", 0.5);
        problem(reader.put(position, json(place)), 404, "book-not-found");
        ok(author.post("/api/v1/books/" + w.book() + "/publish", ""), 200);

        ok(author.put(position, json(place)), 200);
        ok(reader.put(position, json(place)), 200);
        ok(reader.put(position, json(Map.of("chapterId", w.chapter(), "sceneId", w.scene(), "progress", 0.9))), 200);
        assertThat(ok(reader.get(position), 200).path("progress").asDouble()).isEqualTo(0.9);
        assertThat(events.stream(BookRead.class).filter(e -> e.bookId().toString().equals(w.book())).map(e -> e.readerId().value()))
                .as("the reader, once; never the owner").containsExactly(reader.user);
    }

    @Test
    void badListingsAndImpossiblePublishingAreProblems() {
        Api author = newUser();
        String empty = ok(author.post("/api/v1/books", json(Map.of("title", "Empty"))), 201).path("id").asString();
        problem(author.post("/api/v1/books/" + empty + "/publish", ""), 409, "nothing-to-publish");
        Written w = write(author, "Validated");
        String publication = "/api/v1/books/" + w.book() + "/publication";
        problem(author.patch(publication, json(Map.of("genre", "limerick"))), 400, "invalid-genre");
        problem(author.patch(publication, json(Map.of("rating", "R"))), 400, "invalid-rating");
        problem(author.patch(publication, json(Map.of("status", "abandoned"))), 400, "invalid-status");
        problem(author.patch(publication, json(Map.of("language", "english!"))), 400, "invalid-language");
        problem(author.patch(publication, json(Map.of("audience", "friends"))), 400, "invalid-audience");
        problem(author.patch(publication, json(Map.of("tags", List.of("<script>")))), 400, "invalid-tag");
        problem(author.patch(publication, json(Map.of("contentWarnings", List.of("none", "graphic-violence")))), 400,
                "invalid-content-warning");
        problem(author.patch(publication, json(Map.of("tags", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList()))),
                400, "validation-failed");
        problem(author.post("/api/v1/books/" + w.book() + "/publish", "{\"at\":\"next tuesday\"}"), 400, "malformed-body");
        ok(author.post("/api/v1/books/" + w.book() + "/publish", ""), 200);
        problem(author.post("/api/v1/books/" + w.book() + "/publish", json(Map.of("at", Instant.now().plusSeconds(600).toString()))),
                409, "already-published");
        assertThat(ok(author.get(publication), 200).path("genre").isNull()).as("nothing bad was saved").isTrue();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new java.util.ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }
}
