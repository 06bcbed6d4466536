package com.authorworks.discovery;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.ChapterPublished;
import com.authorworks.platform.testing.Api;

import tools.jackson.databind.JsonNode;

/**
 * Serial release seen from discovery: content's {@code ChapterPublished} records an update, moves the book's
 * updated time and tells its followers ({@link FollowedBookUpdated}); readers see the updates of what they
 * follow in their home feed and everyone's in the latest-updates list, only where the access policy lets them.
 */
@SpringBootTest(classes = {DiscoveryTestApplication.class, ChapterUpdatesIntegrationTests.Heard.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"authorworks.services=content,storage,discovery"})
class ChapterUpdatesIntegrationTests extends DiscoveryFixture {

    @Autowired
    Heard heard;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @TestConfiguration
    static class Heard {

        final List<FollowedBookUpdated> updated = new CopyOnWriteArrayList<>();
        final List<ChapterPublished> released = new CopyOnWriteArrayList<>();

        @EventListener
        void on(FollowedBookUpdated event) {
            updated.add(event);
        }

        @EventListener
        void on(ChapterPublished event) {
            released.add(event);
        }
    }

    /** A published book with one chapter (released with it), in its own genre so a test sees only its own books. */
    String publish(Api author, String title, String genre, String audience) {
        String book = publishBook(author, title, "The tide came in over the One stones.", Map.of("genre", genre, "audience", audience)).book();
        awaitCatalogued(book);
        return book;
    }

    static String chapter(Api author, String book, String title) {
        return chapter(author, book, title, "The tide came in over the " + title + " stones.");
    }

    String release(Api author, String book, String title) {
        String chapter = chapter(author, book, title);
        ok(author.send("POST", "/api/v1/books/" + book + "/chapters/" + chapter + "/publish", null), 200);
        return chapter;
    }

    static List<String> chapters(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("chapterTitle").asString()));
        return titles;
    }

    static List<String> chaptersOf(JsonNode page, String book) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> {
            if (item.path("bookId").asString().equals(book)) {
                titles.add(item.path("chapterTitle").asString());
            }
        });
        return titles;
    }

    @Test
    void aFollowersFeedShowsTheNewChaptersOfWhatTheyFollowNewestFirstAndTheyAreTold() {
        Api author = newUser();
        Api reader = newUser();
        Api stranger = newUser();
        String genre = "poetry";
        String book = publish(author, "The Weekly Tide", genre, "public");
        ok(reader.send("PUT", "/api/v1/discover/books/" + book + "/follow", null), 200);
        ok(author.send("PUT", "/api/v1/discover/books/" + book + "/follow", null), 200);
        // the chapter released with the book is an update too (content announces it, withBook), told to nobody
        JsonNode first = eventually("the chapter released with the book in the feed",
                () -> ok(reader.send("GET", "/api/v1/discover/feed", null), 200), page -> chapters(page).equals(List.of("One")));
        String one = first.path("items").get(0).path("chapterId").asString();
        assertThat(heard.released.stream().filter(e -> e.chapterId().toString().equals(one)))
                .singleElement().satisfies(e -> assertThat(e.withBook()).isTrue());
        assertThat(db.sql("SELECT count(*) FROM discovery.updates WHERE book_id = :id").param("id", UUID.fromString(book))
                .query(Long.class).single()).as("once").isEqualTo(1);

        String two = release(author, book, "Two");
        JsonNode feed = eventually("the release in the follower's feed", () -> ok(reader.send("GET", "/api/v1/discover/feed", null), 200),
                page -> chapters(page).contains("Two"));
        JsonNode item = feed.path("items").get(0);
        assertThat(item.path("bookId").asString()).isEqualTo(book);
        assertThat(item.path("bookTitle").asString()).isEqualTo("The Weekly Tide");
        assertThat(item.path("chapterId").asString()).isEqualTo(two);
        assertThat(item.path("chapterNumber").asInt()).isEqualTo(2);
        assertThat(item.path("genre").asString()).isEqualTo(genre);
        assertThat(item.path("words").asLong()).isEqualTo(8);
        assertThat(chapters(ok(stranger.send("GET", "/api/v1/discover/feed", null), 200))).as("not a follower").isEmpty();
        assertThat(heard.updated.stream().filter(e -> e.chapterId().toString().equals(one))).as("the book was the news").isEmpty();

        // the followers are told, the author is not among them
        FollowedBookUpdated told = eventually("followers told", () -> heard.updated.stream()
                .filter(e -> e.chapterId().toString().equals(two)).toList(), list -> !list.isEmpty()).getFirst();
        assertThat(told.followers()).extracting(f -> f.value().toString()).containsExactly(reader.user.toString());
        assertThat(told.bookTitle()).isEqualTo("The Weekly Tide");
        assertThat(told.chapterTitle()).isEqualTo("Two");

        // the book's updated time moved to the release
        Instant releasedAt = heard.released.stream().filter(e -> e.chapterId().toString().equals(two)).findFirst().orElseThrow().publishedAt();
        assertThat(db.sql("SELECT updated_at FROM discovery.books WHERE id = :id").param("id", UUID.fromString(book))
                .query(OffsetDateTime.class).single().toInstant()).isAfterOrEqualTo(releasedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        // a repeated event is one update, and tells nobody twice
        ChapterPublished again = heard.released.stream().filter(e -> e.chapterId().toString().equals(two)).findFirst().orElseThrow();
        transactions.executeWithoutResult(status -> events.publishEvent(again));
        eventually("the repeat handled", () -> db.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE :chapter").param("chapter", "%" + two + "%").query(Long.class).single(), n -> n == 0);
        assertThat(db.sql("SELECT count(*) FROM discovery.updates WHERE chapter_id = :id").param("id", UUID.fromString(two))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(heard.updated.stream().filter(e -> e.chapterId().toString().equals(two))).hasSize(1);

        // newest first, a page at a time
        release(author, book, "Three");
        release(author, book, "Four");
        eventually("all three in the feed", () -> chapters(ok(reader.send("GET", "/api/v1/discover/feed", null), 200)),
                titles -> titles.size() == 4);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(reader.send("GET", "/api/v1/discover/feed?size=1" + (cursor == null ? "" : "&cursor=" + cursor), null), 200);
            walked.addAll(chapters(page));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null && walked.size() < 10);
        assertThat(walked).containsExactly("Four", "Three", "Two", "One");

        // the latest updates are everyone's, by genre
        assertThat(chaptersOf(ok(Api.anonymous(port).send("GET", "/api/v1/discover/latest?size=100&genre=" + genre, null), 200), book))
                .containsExactly("Four", "Three", "Two", "One");
        assertThat(chaptersOf(ok(Api.anonymous(port).send("GET", "/api/v1/discover/latest?size=100&genre=drama", null), 200), book)).isEmpty();

        // a chapter taken down leaves the lists, and hearing of its release again (late) brings back nothing
        String four = heard.released.stream().filter(e -> e.title().equals("Four") && e.bookId().toString().equals(book))
                .findFirst().orElseThrow().chapterId().toString();
        ok(author.send("POST", "/api/v1/books/" + book + "/chapters/" + four + "/unpublish", null), 200);
        eventually("the withdrawn chapter gone", () -> chapters(ok(reader.send("GET", "/api/v1/discover/feed", null), 200)),
                titles -> titles.equals(List.of("Three", "Two", "One")));
        ChapterPublished late = heard.released.stream().filter(e -> e.chapterId().toString().equals(four)).findFirst().orElseThrow();
        transactions.executeWithoutResult(status -> events.publishEvent(late));
        eventually("the late release handled", () -> db.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE :chapter").param("chapter", "%" + four + "%").query(Long.class).single(), n -> n == 0);
        assertThat(chapters(ok(reader.send("GET", "/api/v1/discover/feed", null), 200))).containsExactly("Three", "Two", "One");
        assertThat(heard.updated.stream().filter(e -> e.chapterId().toString().equals(four))).hasSize(1);

        // a book taken down leaves every feed and list
        ok(author.send("POST", "/api/v1/books/" + book + "/unpublish", null), 200);
        eventually("the unpublished book's updates gone", () -> chapters(ok(reader.send("GET", "/api/v1/discover/feed", null), 200)),
                List::isEmpty);
        assertThat(chaptersOf(ok(Api.anonymous(port).send("GET", "/api/v1/discover/latest?size=100", null), 200), book)).isEmpty();
    }

    @Test
    void aSignedInOnlyBooksUpdatesAreNotListedToAnonymousReaders() {
        Api author = newUser();
        Api reader = newUser();
        String genre = "humor";
        String book = publish(author, "Members' Tide", genre, "signed-in");
        release(author, book, "Two");
        eventually("listed to the signed-in", () -> chaptersOf(ok(reader.send("GET", "/api/v1/discover/latest?size=100&genre=" + genre, null), 200), book),
                titles -> titles.equals(List.of("Two", "One")));
        assertThat(chaptersOf(ok(Api.anonymous(port).send("GET", "/api/v1/discover/latest?size=100&genre=" + genre, null), 200), book))
                .isEmpty();
    }

    @Test
    void badFeedRequestsAreProblems() {
        Api reader = newUser();
        assertThat(Api.anonymous(port).send("GET", "/api/v1/discover/feed", null).statusCode()).isEqualTo(401);
        problem(reader.send("GET", "/api/v1/discover/feed?cursor=nonsense", null), 400, "invalid-cursor");
        problem(reader.send("GET", "/api/v1/discover/latest?cursor=" + java.util.Base64.getUrlEncoder().encodeToString("u\nx\ny".getBytes()),
                null), 400, "invalid-cursor");
        problem(reader.send("GET", "/api/v1/discover/feed?size=0", null), 400, "invalid-page-size");
        problem(reader.send("GET", "/api/v1/discover/latest?size=1000", null), 400, "invalid-page-size");
    }

}
