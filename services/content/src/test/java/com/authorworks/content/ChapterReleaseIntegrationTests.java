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
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.authorworks.platform.UserId;

import tools.jackson.databind.JsonNode;

/** Serial release (docs/content.md#serial-release): chapters reach readers one by one, through the access policy. */
class ChapterReleaseIntegrationTests extends ContentIntegrationTest {

    @Autowired
    RecordedEvents events;

    @Autowired
    BookTexts texts;

    @Autowired
    Scenes scenes;

    HttpResponse<String> anonymous(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Chapter(String id, String scene) {
    }

    static Chapter chapter(Api author, String book, String title, String text) {
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", title))), 201).path("id").asString();
        String scene = ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", title, "content", "<p>" + text + "</p>"))), 201).path("id").asString();
        return new Chapter(chapter, scene);
    }

    static String scenePath(String book, Chapter chapter) {
        return "/api/v1/books/" + book + "/chapters/" + chapter.id() + "/scenes/" + chapter.scene();
    }

    @Test
    void aChapterAddedToAPublishedBookReachesReadersOnlyWhenItsAuthorReleasesIt() {
        Api author = newUser();
        Api reader = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "The Long Serial"))), 201).path("id").asString();
        String path = "/api/v1/books/" + book;
        Chapter one = chapter(author, book, "One", "The first lamp was lit at dusk.");

        // releasing a chapter of a book that is not published is a conflict
        problem(author.post(path + "/chapters/" + one.id() + "/publish", ""), 409, "book-not-published");

        // the book's first publication releases every chapter in draft with it
        ok(author.post(path + "/publish", ""), 200);
        List<JsonNode> releases = list(ok(author.get(path + "/chapters/releases"), 200));
        assertThat(releases).singleElement().satisfies(r -> {
            assertThat(r.path("publication").asString()).isEqualTo("PUBLISHED");
            assertThat(r.path("publishedAt").asString()).isNotBlank();
        });
        assertThat(events.stream(ChapterPublished.class).filter(e -> e.bookId().toString().equals(book)))
                .as("the chapter released with the book is announced, once, as released with it").singleElement().satisfies(e -> {
                    assertThat(e.chapterId().toString()).isEqualTo(one.id());
                    assertThat(e.withBook()).isTrue();
                    assertThat(e.words()).isEqualTo(7);
                    assertThat(e.publishedAt().toString()).isEqualTo(Instant.parse(releases.getFirst().path("publishedAt").asString()).toString());
                });

        // a chapter added later is a draft: the owner sees it, readers do not, anywhere
        Chapter two = chapter(author, book, "Two", "The second lamp never caught.");
        assertThat(list(ok(author.get(path + "/chapters/releases"), 200)).get(1).path("publication").asString()).isEqualTo("DRAFT");
        assertThat(chapterIds(ok(author.get(path), 200))).containsExactly(one.id(), two.id());
        JsonNode asReader = ok(reader.get(path), 200);
        assertThat(chapterIds(asReader)).containsExactly(one.id());
        assertThat(asReader.path("words").asLong()).as("a reader counts the released words only").isEqualTo(7);
        assertThat(chapterIds(ok(anonymous(path), 200))).containsExactly(one.id());
        ok(reader.get(scenePath(book, one)), 200);
        problem(reader.get(scenePath(book, two)), 404, "chapter-not-found");
        problem(anonymous(scenePath(book, two)), 404, "chapter-not-found");
        ok(author.get(scenePath(book, two)), 200);
        UserId readerId = new UserId(reader.user);
        assertThat(texts.find(new BookId(UUID.fromString(book)), readerId).orElseThrow().chapters())
                .as("the text other services turn into something else (audiobooks)").extracting(c -> c.id().toString())
                .containsExactly(one.id());
        assertThat(catchNotFound(() -> scenes.read(readerId, new SceneId(UUID.fromString(two.scene())))))
                .as("the editor's contract").isEqualTo("scene-not-found");
        problem(reader.put(path + "/reading-position", json(Map.of("chapterId", two.id(), "sceneId", two.scene(), "progress", 0.5))),
                404, "chapter-not-found");
        problem(reader.post(path + "/chapters/" + two.id() + "/publish", ""), 404, "book-not-found");

        // the author releases it: readers read it, and the release is announced with the listing's new counts
        JsonNode released = ok(author.post(path + "/chapters/" + two.id() + "/publish", ""), 200);
        assertThat(released.path("publication").asString()).isEqualTo("PUBLISHED");
        assertThat(chapterIds(ok(reader.get(path), 200))).containsExactly(one.id(), two.id());
        assertThat(ok(reader.get(scenePath(book, two)), 200).path("content").asString()).contains("second lamp");
        ChapterPublished event = events.stream(ChapterPublished.class).filter(e -> e.bookId().toString().equals(book))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(event.chapterId().toString()).isEqualTo(two.id());
        assertThat(event.number()).isEqualTo(2);
        assertThat(event.title()).isEqualTo("Two");
        assertThat(event.bookTitle()).isEqualTo("The Long Serial");
        assertThat(event.words()).isEqualTo(5);
        assertThat(event.readership()).isEqualTo(AccessPolicy.Readership.ANYONE);
        assertThat(event.withBook()).as("released on its own").isFalse();
        PublishedBook listing = events.stream(BookPublished.class).map(BookPublished::book)
                .filter(b -> b.bookId().toString().equals(book)).reduce((a, b) -> b).orElseThrow();
        assertThat(listing.chapters()).isEqualTo(2);
        assertThat(listing.words()).isEqualTo(12);
        problem(author.post(path + "/chapters/" + two.id() + "/publish", ""), 409, "already-published");

        // taken down: readers lose it again, the listing counts drop
        assertThat(ok(author.post(path + "/chapters/" + two.id() + "/unpublish", ""), 200).path("publication").asString())
                .isEqualTo("UNPUBLISHED");
        problem(reader.get(scenePath(book, two)), 404, "chapter-not-found");
        ChapterUnpublished down = events.stream(ChapterUnpublished.class).filter(e -> e.chapterId().toString().equals(two.id()))
                .findFirst().orElseThrow();
        assertThat(down.releasedAt()).as("the release it ends").isEqualTo(event.publishedAt());
        assertThat(events.stream(BookPublished.class).map(BookPublished::book).filter(b -> b.bookId().toString().equals(book))
                .reduce((a, b) -> b).orElseThrow().chapters()).isEqualTo(1);

        // unpublishing the book and publishing it again leaves its chapters as they were, and announces none again
        long announced = events.stream(ChapterPublished.class).filter(e -> e.bookId().toString().equals(book)).count();
        ok(author.post(path + "/unpublish", ""), 200);
        ok(author.post(path + "/publish", ""), 200);
        assertThat(chapterIds(ok(reader.get(path), 200))).containsExactly(one.id());
        assertThat(events.stream(ChapterPublished.class).filter(e -> e.bookId().toString().equals(book)).count()).isEqualTo(announced);
    }

    @Test
    void everyChapterReleasedWithTheBookIsAnnouncedOnceInOrder() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "Three At Once"))), 201).path("id").asString();
        String path = "/api/v1/books/" + book;
        Chapter one = chapter(author, book, "One", "Salt on the sill.");
        Chapter two = chapter(author, book, "Two", "Gulls at the glass, crying.");
        Chapter three = chapter(author, book, "Three", "Fog.");
        ok(author.post(path + "/publish", ""), 200);
        List<ChapterPublished> announced = events.stream(ChapterPublished.class).filter(e -> e.bookId().toString().equals(book)).toList();
        assertThat(announced).extracting(e -> e.chapterId().toString()).containsExactly(one.id(), two.id(), three.id());
        assertThat(announced).extracting(ChapterPublished::number).containsExactly(1, 2, 3);
        assertThat(announced).extracting(ChapterPublished::words).containsExactly(4L, 5L, 1L);
        assertThat(announced).allSatisfy(e -> {
            assertThat(e.withBook()).isTrue();
            assertThat(e.bookTitle()).isEqualTo("Three At Once");
            assertThat(e.readership()).isEqualTo(AccessPolicy.Readership.ANYONE);
        });
        assertThat(announced).extracting(ChapterPublished::publishedAt).containsOnly(announced.getFirst().publishedAt());
        // publishing a published book again changes nothing and announces nothing
        ok(author.post(path + "/publish", ""), 200);
        assertThat(events.stream(ChapterPublished.class).filter(e -> e.bookId().toString().equals(book))).hasSize(3);
    }

    @Test
    void aScheduledChapterIsReleasedWhenItsTimeComes() {
        Api author = newUser();
        Api reader = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "Weekly Tides"))), 201).path("id").asString();
        String path = "/api/v1/books/" + book;
        chapter(author, book, "One", "Monday's tide.");
        ok(author.post(path + "/publish", ""), 200);
        Chapter two = chapter(author, book, "Two", "Tuesday's tide.");
        Chapter three = chapter(author, book, "Three", "Wednesday's tide.");

        problem(author.post(path + "/chapters/" + two.id() + "/publish", json(Map.of("at", Instant.now().minusSeconds(3600).toString()))),
                400, "release-at-in-past");
        problem(author.post(path + "/chapters/" + UUID.randomUUID() + "/publish", ""), 404, "chapter-not-found");

        JsonNode scheduled = ok(author.post(path + "/chapters/" + two.id() + "/publish",
                json(Map.of("at", Instant.now().plusSeconds(1).toString()))), 200);
        assertThat(scheduled.path("publication").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.path("publishAt").asString()).isNotBlank();
        problem(reader.get(scenePath(book, two)), 404, "chapter-not-found");

        Eventually.until("the scheduled chapter released", () -> reader.get(scenePath(book, two)).statusCode(), status -> status == 200);
        JsonNode releases = ok(author.get(path + "/chapters/releases"), 200);
        assertThat(releases.get(1).path("publication").asString()).isEqualTo("PUBLISHED");
        assertThat(releases.get(1).path("publishAt").isNull()).isTrue();
        assertThat(events.stream(ChapterPublished.class).map(e -> e.chapterId().toString())).contains(two.id());

        // a schedule called off is a draft again; a chapter scheduled again moves its time
        ok(author.post(path + "/chapters/" + three.id() + "/publish", json(Map.of("at", Instant.now().plusSeconds(3600).toString()))), 200);
        Instant later = Instant.now().plusSeconds(7200);
        assertThat(Instant.parse(ok(author.post(path + "/chapters/" + three.id() + "/publish", json(Map.of("at", later.toString()))), 200)
                .path("publishAt").asString())).isCloseTo(later, within());
        assertThat(ok(author.post(path + "/chapters/" + three.id() + "/unpublish", ""), 200).path("publication").asString())
                .isEqualTo("DRAFT");
        problem(reader.get(scenePath(book, three)), 404, "chapter-not-found");
    }

    @Test
    void aStrangerCannotReleaseOrListAnotherAuthorsChapters() {
        Api author = newUser();
        Api stranger = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "Mine"))), 201).path("id").asString();
        Chapter one = chapter(author, book, "One", "Private.");
        problem(stranger.get("/api/v1/books/" + book + "/chapters/releases"), 404, "book-not-found");
        problem(stranger.post("/api/v1/books/" + book + "/chapters/" + one.id() + "/publish", ""), 404, "book-not-found");
        problem(stranger.post("/api/v1/books/" + book + "/chapters/" + one.id() + "/unpublish", ""), 404, "book-not-found");
        assertThat(anonymous("/api/v1/books/" + book + "/chapters/releases").statusCode()).isEqualTo(401);
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String catchNotFound(Runnable call) {
        try {
            call.run();
            return null;
        } catch (com.authorworks.platform.Problem e) {
            return e.code();
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> chapterIds(JsonNode book) {
        return list(book.path("chapters")).stream().map(c -> c.path("id").asString()).toList();
    }
}
