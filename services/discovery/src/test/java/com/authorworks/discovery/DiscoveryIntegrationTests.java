package com.authorworks.discovery;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookPublished;
import com.authorworks.identity.Users;
import com.authorworks.platform.UserId;

import tools.jackson.databind.JsonNode;

/**
 * Discovery end to end: authors publish through content's API, content's events feed discovery's
 * read model and index, and readers find the books through discovery's API.
 */
@SpringBootTest(classes = {DiscoveryTestApplication.class, DiscoveryIntegrationTests.Announcements.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=content,storage,discovery"})
class DiscoveryIntegrationTests extends DiscoveryFixture {

    @Autowired
    Announcements announcements;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AbstractApplicationContext context;

    /** Every listing content announces, as it was announced (to deliver again, late). */
    @TestConfiguration
    static class Announcements {

        final List<BookPublished> published = new CopyOnWriteArrayList<>();

        @EventListener
        void on(BookPublished event) {
            published.add(event);
        }

        final List<BookFollowed> followed = new CopyOnWriteArrayList<>();
        final List<BookRated> rated = new CopyOnWriteArrayList<>();

        @EventListener
        void on(BookFollowed event) {
            followed.add(event);
        }

        @EventListener
        void on(BookRated event) {
            rated.add(event);
        }

        /** Identity's {@link Users} contract as this process would have it: the names the tests give users. */
        final TestUsers directory = new TestUsers();
        final Map<UUID, String> names = directory.names;

        @Bean
        Users users() {
            return directory;
        }

        BookPublished first(String book) {
            return published.stream().filter(event -> event.book().bookId().toString().equals(book)).findFirst().orElseThrow();
        }
    }

    /** Announces it again, as a redelivery would, and waits until discovery's listener has taken it. */
    void redeliver(BookPublished event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        String book = event.book().bookId().toString();
        eventually("the redelivered announcement of " + book + " to be handled",
                () -> db.sql("SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :book")
                        .param("book", "%" + book + "%").query(Long.class).single(), pending -> pending == 0);
    }

    /** A tag no other test uses, so each test sees only its own books. */
    static String scope() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    String publish(Api author, String title, String blurb, String genre, List<String> tags, String... options) {
        Map<String, Object> listing = new java.util.HashMap<>(Map.of("blurb", blurb, "genre", genre, "tags", tags));
        for (int i = 0; i + 1 < options.length; i += 2) {
            listing.put(options[i], options[i + 1]);
        }
        String book = publishBook(author, title, blurb, listing).book();
        // discovery hears of it after content's commit (today at once; asynchronously once listeners run on their own)
        indexed(author, tags.getFirst(), book, true);
        return book;
    }

    /** Waits until discovery lists (or no longer lists) the book among those tagged {@code tag}, as {@code caller} sees them. */
    void indexed(Api caller, String tag, String book, boolean listed) {
        eventually((listed ? "listed: " : "gone: ") + book, () -> ids(caller.get("/api/v1/discover/books?size=100&tag=" + q(tag))),
                ids -> ids.contains(book) == listed);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.has("book") ? item.path("book").path("id").asString() : item.path("id").asString()));
        return ids;
    }

    @Test
    void readersFollowAndRateAPublishedBookTheAuthorHearsOfItAndAnUnpublishedOneLeavesTheirLists() {
        Api author = newUser();
        Api reader = newUser();
        Api other = newUser();
        String tag = scope();
        String book = publish(author, "The Salt Road", "Two sisters walk the salt road to the sea.", "literary", List.of(tag));
        String draft = ok(author.send("POST", "/api/v1/books", json(Map.of("title", "A Draft"))), 201).path("id").asString();

        JsonNode followed = ok(reader.send("PUT", "/api/v1/discover/books/" + book + "/follow", null), 200);
        assertThat(followed.path("following").asBoolean()).isTrue();
        assertThat(followed.path("followers").asLong()).isEqualTo(1);
        ok(reader.send("PUT", "/api/v1/discover/books/" + book + "/follow", null), 200);
        ok(author.send("PUT", "/api/v1/discover/books/" + book + "/follow", null), 200);
        assertThat(announcements.followed.stream().filter(e -> e.bookId().toString().equals(book)).toList())
                .as("once, and not for the author's own follow").singleElement()
                .satisfies(e -> assertThat(e.follower().value().toString()).isEqualTo(reader.user.toString()))
                .satisfies(e -> assertThat(e.authorId().value().toString()).isEqualTo(author.user.toString()));
        assertThat(reader.get("/api/v1/discover/following").path("items").get(0).path("title").asString()).isEqualTo("The Salt Road");

        JsonNode rating = ok(reader.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 4, "story", 5,
                "review", "  The ending earns its tears.  "))), 200);
        assertThat(rating.path("review").asString()).isEqualTo("The ending earns its tears.");
        ok(other.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 2))), 200);
        ok(reader.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 5, "story", 5,
                "review", "Better the second time."))), 200);
        assertThat(announcements.rated.stream().filter(e -> e.bookId().toString().equals(book)).map(BookRated::revision).toList())
                .containsExactly(1, 1, 2);

        JsonNode reviews = ok(Api.anonymous(port).send("GET", "/api/v1/discover/books/" + book + "/reviews", null), 200);
        assertThat(reviews.path("summary").path("ratings").asLong()).isEqualTo(2);
        assertThat(reviews.path("summary").path("overall").asDouble()).isEqualTo(3.5);
        assertThat(reviews.path("summary").path("story").asDouble()).isEqualTo(5.0);
        assertThat(reviews.path("summary").path("followers").asLong()).isEqualTo(2);
        assertThat(reviews.path("reviews").path("items").size()).as("only ratings with a review").isEqualTo(1);
        assertThat(reviews.path("reviews").path("items").get(0).path("review").asString()).isEqualTo("Better the second time.");
        assertThat(reviews.path("reviews").path("items").get(0).path("readerName").isNull()).as("identity does not know this reader").isTrue();

        problem(author.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 5))), 403, "own-book");
        problem(reader.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 6))), 400, "validation-failed");
        problem(reader.send("PUT", "/api/v1/discover/books/" + draft + "/follow", null), 404, "book-not-found");
        problem(reader.send("PUT", "/api/v1/discover/books/" + draft + "/rating", json(Map.of("overall", 3))), 404, "book-not-found");

        ok(author.send("POST", "/api/v1/books/" + book + "/unpublish", null), 200);
        indexed(author, tag, book, false);
        // the index lets go of the book before the listener's transaction takes it out of the catalogue
        eventually("an unpublished book to leave the list", () -> reader.get("/api/v1/discover/following").path("total").asLong(),
                total -> total == 0);
        problem(reader.send("GET", "/api/v1/discover/books/" + book + "/reviews", null), 404, "book-not-found");
    }

    @Test
    void reviewsNameTheirReadersAsIdentityKnowsThemAndStillShowWhenIdentityIsDown() {
        Api author = newUser();
        Api ada = newUser();
        Api bram = newUser();
        Api nameless = newUser();
        announcements.names.put(ada.user, "Ada Lovelace");
        announcements.names.put(bram.user, "Bram Stoker");
        String book = publish(author, "The Named Readers", "Every reader signs their review.", "literary", List.of(scope()));
        ok(ada.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 5, "review", "Ada's review."))), 200);
        ok(bram.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 4, "review", "Bram's review."))), 200);
        ok(nameless.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 3, "review", "Nobody's review."))), 200);

        JsonNode reviews = ok(Api.anonymous(port).send("GET", "/api/v1/discover/books/" + book + "/reviews", null), 200)
                .path("reviews").path("items");
        Map<String, String> names = new java.util.HashMap<>();
        reviews.forEach(r -> names.put(r.path("review").asString(), r.path("readerName").isNull() ? null : r.path("readerName").asString()));
        assertThat(names).containsEntry("Ada's review.", "Ada Lovelace").containsEntry("Bram's review.", "Bram Stoker")
                .containsEntry("Nobody's review.", null).hasSize(3);
        reviews.forEach(r -> assertThat(r.path("readerId").asString()).isIn(ada.user.toString(), bram.user.toString(), nameless.user.toString()));
        assertThat(announcements.directory.asked.getLast()).as("one call for the page's readers")
                .containsExactlyInAnyOrder(new UserId(ada.user), new UserId(bram.user), new UserId(nameless.user));

        announcements.directory.down = true;
        try {
            JsonNode down = ok(Api.anonymous(port).send("GET", "/api/v1/discover/books/" + book + "/reviews", null), 200);
            assertThat(down.path("reviews").path("items").size()).isEqualTo(3);
            down.path("reviews").path("items").forEach(r -> assertThat(r.path("readerName").isNull()).isTrue());
        } finally {
            announcements.directory.down = false;
        }
    }

    @Test
    void followsAndRatingSortsAndTheBestRatedListComeFromDiscoverysTalliesWithTheirPartsExplained() {
        Api author = newUser();
        String scope = scope();
        String search = "/api/v1/discover/books?tag=" + scope;
        String lone = publish(author, "Lone Star", "A book with one glowing rating.", "poetry", List.of(scope));
        String steady = publish(author, "Steady Star", "A book with many good ratings.", "poetry", List.of(scope));
        String dim = publish(author, "Dim Star", "A book with one poor rating.", "poetry", List.of(scope));
        String unrated = publish(author, "Unrated Star", "A book nobody rated.", "poetry", List.of(scope));
        String draft = ok(author.send("POST", "/api/v1/books", json(Map.of("title", "Draft Star"))), 201).path("id").asString();

        // followers: lone 3, dim 2, steady 1, unrated 0 (a follow twice counts once)
        List<Api> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            readers.add(newUser());
        }
        for (Api reader : readers.subList(0, 3)) {
            ok(reader.send("PUT", "/api/v1/discover/books/" + lone + "/follow", null), 200);
        }
        ok(readers.get(0).send("PUT", "/api/v1/discover/books/" + lone + "/follow", null), 200);
        for (Api reader : readers.subList(0, 2)) {
            ok(reader.send("PUT", "/api/v1/discover/books/" + dim + "/follow", null), 200);
        }
        ok(readers.get(3).send("PUT", "/api/v1/discover/books/" + steady + "/follow", null), 200);
        assertThat(ids(author.get(search + "&sort=follows"))).containsExactly(lone, dim, steady, unrated);

        // ratings: lone one 5 (mean 5); steady 5, 5, 4 (mean 4.67); dim one 1, first saved as a 2
        rate(readers.get(0), lone, 5);
        rate(readers.get(0), steady, 5);
        rate(readers.get(1), steady, 5);
        rate(readers.get(2), steady, 3);
        rate(readers.get(2), steady, 4); // replaces their 3
        rate(readers.get(3), dim, 2);
        rate(readers.get(3), dim, 1);
        // Bayesian (C = 5, m = 3): steady (15 + 14) / 8 = 3.625, lone 20 / 6 = 3.33, unrated 3, dim 16 / 6 = 2.67
        List<String> byRating = List.of(steady, lone, unrated, dim);
        assertThat(ids(author.get(search + "&sort=rating"))).containsExactlyElementsOf(byRating);
        assertThat(ids(author.get(search + "&sort=rating&q=star"))).as("with text too").containsExactlyElementsOf(byRating);
        assertThat(walk(author, search + "&sort=rating")).as("a page at a time").containsExactlyElementsOf(byRating);
        assertThat(walk(author, search + "&sort=follows")).containsExactly(lone, dim, steady, unrated);

        // the best-rated list holds only rated books, with their parts
        JsonNode best = author.get("/api/v1/discover/best-rated?genre=poetry&size=100");
        List<JsonNode> mine = new ArrayList<>();
        best.path("items").forEach(item -> {
            if (List.of(lone, steady, dim, unrated).contains(item.path("book").path("id").asString())) {
                mine.add(item);
            }
        });
        assertThat(mine.stream().map(item -> item.path("book").path("id").asString())).containsExactly(steady, lone, dim);
        assertThat(mine.getFirst().path("ratings").asLong()).isEqualTo(3);
        assertThat(mine.getFirst().path("mean").asDouble()).isCloseTo(14 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mine.getFirst().path("score").asDouble()).isEqualTo(3.625);
        assertThat(mine.getFirst().path("book").path("reason").asString()).isEqualTo("best-rated");
        assertThat(best.path("total").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode explained = Api.anonymous(port).get("/api/v1/discover/best-rated/explain?book=" + steady);
        assertThat(explained.path("ratings").asLong()).isEqualTo(3);
        assertThat(explained.path("overallSum").asLong()).isEqualTo(14);
        assertThat(explained.path("priorMean").asDouble()).isEqualTo(3.0);
        assertThat(explained.path("priorWeight").asInt()).isEqualTo(5);
        assertThat(explained.path("score").asDouble()).isEqualTo(3.625);
        assertThat(explained.path("formula").asString()).contains("(C * m + S) / (C + n)");
        JsonNode none = author.get("/api/v1/discover/best-rated/explain?book=" + unrated);
        assertThat(none.path("ratings").asLong()).isZero();
        assertThat(none.path("mean").isNull()).isTrue();
        assertThat(none.path("score").asDouble()).isEqualTo(3.0);
        problem(author.send("GET", "/api/v1/discover/best-rated/explain?book=" + draft, null), 404, "book-not-found");
        problem(author.send("GET", "/api/v1/discover/best-rated/explain?book=nonsense", null), 404, "book-not-found");

        // unfollowing, removing a rating and rebuilding the index keep the sorts on the tallies
        ok(readers.get(0).send("DELETE", "/api/v1/discover/books/" + lone + "/follow", null), 200);
        ok(readers.get(1).send("DELETE", "/api/v1/discover/books/" + lone + "/follow", null), 200);
        List<String> single = java.util.stream.Stream.of(lone, steady).sorted().toList(); // one follower each: by id
        assertThat(ids(author.get(search + "&sort=follows"))).containsExactly(dim, single.get(0), single.get(1), unrated);
        ok(readers.get(0).send("DELETE", "/api/v1/discover/books/" + lone + "/rating", null), 204);
        List<String> tied = java.util.stream.Stream.of(lone, unrated).sorted().toList(); // both at the prior, 3: by id
        assertThat(ids(author.get(search + "&sort=rating"))).containsExactly(steady, tied.get(0), tied.get(1), dim);
        assertThat(ids(author.get("/api/v1/discover/best-rated?genre=poetry&size=100"))).doesNotContain(lone, unrated).contains(steady, dim);
        ok(newUser("ADMIN").send("POST", "/api/v1/discover/index", null), 200);
        assertThat(ids(author.get(search + "&sort=follows"))).containsExactly(dim, single.get(0), single.get(1), unrated);
        assertThat(ids(author.get(search + "&sort=rating"))).containsExactly(steady, tied.get(0), tied.get(1), dim);

        // the tallies are what the follows and ratings add up to
        for (String book : List.of(lone, steady, dim, unrated)) {
            UUID id = UUID.fromString(book);
            Map<String, Object> tally = db.sql("SELECT coalesce(max(followers), 0) AS f, coalesce(max(ratings), 0) AS r, "
                    + "coalesce(max(overall_sum), 0) AS s FROM discovery.tallies WHERE book_id = :id").param("id", id).query().singleRow();
            Map<String, Object> truth = db.sql("SELECT (SELECT count(*) FROM discovery.follows WHERE book_id = :id) AS f, "
                    + "(SELECT count(*) FROM discovery.ratings WHERE book_id = :id) AS r, "
                    + "(SELECT coalesce(sum(overall), 0) FROM discovery.ratings WHERE book_id = :id) AS s").param("id", id).query().singleRow();
            assertThat(tally.values().stream().map(v -> ((Number) v).longValue()).toList()).as(book)
                    .isEqualTo(truth.values().stream().map(v -> ((Number) v).longValue()).toList());
        }
    }

    private void rate(Api reader, String book, int overall) {
        ok(reader.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", overall))), 200);
    }

    /** Every result of a search, a page of one at a time. */
    private static List<String> walk(Api caller, String search) {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = caller.get(search + "&size=1" + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(ids(page));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 20);
        return walked;
    }

    static final String LIGHTHOUSE_TITLE = "The Lighthouse Keeper's Daughter";
    static final String LIGHTHOUSE_BLURB = "On a storm-battered island a girl keeps the lamp burning while she waits for her father's ship.";

    @Test
    void aPublishedBookIsFoundByKeywordByTagsAndByMeaningUntilItIsUnpublishedOrDeleted() {
        Api author = newUser();
        Api reader = newUser();
        String scope = scope();
        String lighthouse = publish(author, LIGHTHOUSE_TITLE, LIGHTHOUSE_BLURB, "literary", List.of(scope, "sea", "found family"),
                "rating", "teen");
        String dragons = publish(author, "Dragons of the Ember Crown", "Two dragon clans burn the northern kingdoms in a war for the crown.",
                "fantasy", List.of(scope, "dragons", "war"), "rating", "mature");
        String vicarage = publish(author, "Murder at the Vicarage Fair", "A retired detective finds the vicar poisoned beside the cake stall.",
                "mystery", List.of(scope, "detective", "village"));
        String search = "/api/v1/discover/books?tag=" + scope;

        // by keyword
        JsonNode byWord = reader.get(search + "&q=lighthouse");
        assertThat(ids(byWord).getFirst()).isEqualTo(lighthouse);
        assertThat(ids(reader.get(search + "&q=" + q("poisoned vicar")))).first().isEqualTo(vicarage);

        // by tags, with an excluded tag, and their counts
        JsonNode all = reader.get(search);
        assertThat(ids(all)).containsExactlyInAnyOrder(lighthouse, dragons, vicarage);
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("facets").path("genre").toString()).contains("{\"value\":\"literary\",\"count\":1}");
        assertThat(all.path("facets").path("tag").toString()).contains("{\"value\":\"" + scope + "\",\"count\":3}");
        JsonNode noDragons = reader.get(search + "&excludeTag=dragons");
        assertThat(ids(noDragons)).containsExactlyInAnyOrder(lighthouse, vicarage);
        assertThat(noDragons.path("total").asLong()).as("counts exclude what is excluded").isEqualTo(2);
        assertThat(noDragons.path("facets").path("tag").toString()).doesNotContain("dragons");
        assertThat(ids(reader.get(search + "&tag=sea&excludeTag=dragons"))).containsExactly(lighthouse);
        assertThat(ids(reader.get(search + "&genre=fantasy&rating=mature"))).containsExactly(dragons);
        assertThat(ids(reader.get(search + "&rating=general&rating=teen"))).containsExactly(lighthouse);
        assertThat(ids(reader.get(search + "&maxWords=16"))).doesNotContain(lighthouse).contains(dragons);
        assertThat(ids(reader.get(search + "&status=complete"))).isEmpty();
        assertThat(ids(reader.get(search + "&language=en"))).hasSize(3);

        // by meaning: a query that shares no word with the book (title, blurb, tags, genre) still finds it first
        String meaning = "coastal tower guiding sailors at night";
        assertThat(words(meaning)).doesNotContainAnyElementsOf(words(LIGHTHOUSE_TITLE + " " + LIGHTHOUSE_BLURB + " sea found family literary"));
        JsonNode semantic = reader.get(search + "&q=" + q(meaning));
        assertThat(ids(semantic)).first().isEqualTo(lighthouse);
        assertThat(ids(semantic)).doesNotContain(vicarage);

        // unpublishing takes it out of every result
        ok(author.send("POST", "/api/v1/books/" + lighthouse + "/unpublish", null), 200);
        indexed(reader, scope, lighthouse, false);
        assertThat(ids(reader.get(search))).containsExactlyInAnyOrder(dragons, vicarage);
        assertThat(ids(reader.get(search + "&q=lighthouse"))).doesNotContain(lighthouse);
        assertThat(ids(reader.get(search + "&q=" + q(meaning)))).doesNotContain(lighthouse);
        assertThat(ids(reader.get("/api/v1/discover/trending?size=100"))).doesNotContain(lighthouse);
        problem(reader.send("GET", "/api/v1/discover/trending/explain?book=" + lighthouse, null), 404, "book-not-found");
        // and publishing it again brings it back
        ok(author.send("POST", "/api/v1/books/" + lighthouse + "/publish", null), 200);
        indexed(reader, scope, lighthouse, true);
        assertThat(ids(reader.get(search + "&q=lighthouse"))).first().isEqualTo(lighthouse);
        // deleting a published book takes it out too
        ok(author.send("DELETE", "/api/v1/books/" + dragons, null), 204);
        indexed(reader, scope, dragons, false);
        assertThat(ids(reader.get(search))).containsExactlyInAnyOrder(lighthouse, vicarage);
        assertThat(ids(reader.get(search + "&q=" + q("dragon clans")))).doesNotContain(dragons);
    }

    @Test
    void aDraftOrPrivateBookNeverAppearsAnywhereAndASignedInBookOnlyToTheSignedIn() {
        Api author = newUser();
        Api reader = newUser();
        Api nobody = Api.anonymous(port);
        String scope = scope();
        String word = "quillifer" + scope;
        String draft = ok(author.send("POST", "/api/v1/books", json(Map.of("title", "Draft " + word))), 201).path("id").asString();
        ok(author.send("PATCH", "/api/v1/books/" + draft + "/publication", json(Map.of("tags", List.of(scope), "blurb", word))), 200);
        String members = publish(author, "Members " + word, "Only for the signed in " + word, "drama", List.of(scope),
                "audience", "SIGNED_IN");
        String archived = publish(author, "Archived " + word, "Gone " + word, "drama", List.of(scope));
        ok(author.send("POST", "/api/v1/books/" + archived + "/archive", null), 200);
        indexed(author, scope, archived, false);
        String open = publish(author, "Open " + word, "For anyone " + word, "drama", List.of(scope));
        // the reader reads both, so they would trend and feed recommendations if they leaked
        for (String book : List.of(members, open)) {
            read(reader, book);
        }
        eventually("the reads recorded", () -> reader.get("/api/v1/discover/trending/explain?book=" + open).path("readers").asLong(),
                readers -> readers == 1);

        for (Api caller : List.of(reader, nobody, author)) {
            List<String> seen = new ArrayList<>();
            seen.addAll(ids(caller.get("/api/v1/discover/books?tag=" + scope)));
            seen.addAll(ids(caller.get("/api/v1/discover/books?q=" + word)));
            seen.addAll(ids(caller.get("/api/v1/discover/books?q=" + word + "&sort=title")));
            seen.addAll(ids(caller.get("/api/v1/discover/books?size=100")));
            seen.addAll(ids(caller.get("/api/v1/discover/trending?size=100")));
            seen.addAll(ids(caller.get("/api/v1/discover/recommendations?size=100")));
            if (caller != author) {
                seen.addAll(ids(caller.get("/api/v1/users/" + author.user + "/books")));
            }
            assertThat(seen).as("what %s sees", caller == nobody ? "an anonymous caller" : "a signed-in user")
                    .doesNotContain(draft, archived);
            problem(caller.send("GET", "/api/v1/discover/trending/explain?book=" + draft, null), 404, "book-not-found");
            problem(caller.send("GET", "/api/v1/discover/trending/explain?book=" + archived, null), 404, "book-not-found");
        }
        assertThat(ids(reader.get("/api/v1/discover/books?tag=" + scope))).containsExactlyInAnyOrder(members, open);
        assertThat(ids(nobody.get("/api/v1/discover/books?tag=" + scope))).containsExactly(open);
        // hybrid search: the semantic half may add other tests' look-alike books, never these
        assertThat(ids(nobody.get("/api/v1/discover/books?q=" + word))).contains(open).doesNotContain(members, draft, archived);
        assertThat(ids(nobody.get("/api/v1/discover/trending?size=100"))).doesNotContain(members);
        problem(nobody.send("GET", "/api/v1/discover/trending/explain?book=" + members, null), 404, "book-not-found");
        assertThat(ids(author.get("/api/v1/users/" + author.user + "/books"))).contains(draft, archived, members, open);
    }

    @Test
    void trendingRanksBooksByReadersOverAgeAndExplainsTheScore() {
        Api author = newUser();
        String scope = scope();
        String popular = publish(author, "Popular Tides", "Everyone reads this one.", "adventure", List.of(scope));
        String quiet = publish(author, "Quiet Tides", "Someone reads this one.", "adventure", List.of(scope));
        for (int i = 0; i < 3; i++) {
            read(newUser(), popular);
        }
        read(newUser(), quiet);
        eventually("the reads recorded", () -> author.get("/api/v1/discover/trending/explain?book=" + popular).path("readers").asLong(),
                readers -> readers == 3);
        eventually("the quiet book's read recorded", () -> author.get("/api/v1/discover/trending/explain?book=" + quiet).path("readers")
                .asLong(), readers -> readers == 1);
        List<String> trending = ids(author.get("/api/v1/discover/trending?size=100&genre=adventure"));
        assertThat(trending).containsSubsequence(popular, quiet);

        JsonNode explained = author.get("/api/v1/discover/trending/explain?book=" + popular);
        assertThat(explained.path("readers").asLong()).isEqualTo(3);
        assertThat(explained.path("points").asDouble()).isEqualTo(4);
        assertThat(explained.path("gravity").asDouble()).isEqualTo(1.8);
        double expected = 3 / Math.pow(explained.path("ageHours").asDouble() + 2, 1.8);
        assertThat(explained.path("score").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(author.get("/api/v1/discover/trending/explain?book=" + quiet).path("score").asDouble())
                .isLessThan(explained.path("score").asDouble());
        problem(author.send("GET", "/api/v1/discover/trending/explain?book=not-a-uuid", null), 404, "book-not-found");
    }

    @Test
    void recommendationsFollowWhatTheReaderReadAndNeverRepeatIt() {
        Api author = newUser();
        Api reader = newUser();
        String scope = scope();
        String sea = publish(author, "Salt and Sail", "A young sailor crosses the ocean on a whaling ship through storms and fog.",
                "adventure", List.of(scope, "sea"));
        String seaToo = publish(author, "The Harbour Pilot", "A ship's pilot guides vessels through a treacherous harbour in the fog.",
                "adventure", List.of(scope, "sea"));
        String space = publish(author, "Orbit of Glass", "A botanist on a space station grows the last forest in orbit around Jupiter.",
                "science-fiction", List.of(scope, "space"));
        String own = publish(reader, "My Own Sea Story", "A sailor on the ocean, written by the reader themself.", "adventure",
                List.of(scope, "sea"));
        read(reader, sea);

        JsonNode recommended = eventually("recommendations from the reading history",
                () -> reader.get("/api/v1/discover/recommendations?size=100"),
                page -> page.path("items").size() > 0 && page.path("items").get(0).path("reason").asString().equals("because-you-read"));
        List<String> ids = ids(recommended);
        assertThat(ids).doesNotContain(sea, own).contains(seaToo);
        assertThat(ids.indexOf(seaToo)).isLessThan(ids.indexOf(space) < 0 ? Integer.MAX_VALUE : ids.indexOf(space));
        JsonNode first = recommended.path("items").get(ids.indexOf(seaToo));
        assertThat(first.path("reason").asString()).isEqualTo("because-you-read");
        assertThat(first.path("because").asString()).isEqualTo(sea);

        // no reading history: what is trending
        JsonNode fresh = newUser().get("/api/v1/discover/recommendations");
        fresh.path("items").forEach(item -> assertThat(item.path("reason").asString()).isEqualTo("trending"));
        assertThat(Api.anonymous(port).get("/api/v1/discover/recommendations").path("items").isArray()).isTrue();
    }

    @Test
    void cursorsWalkEveryResultOnceInOrder() {
        Api author = newUser();
        Api reader = newUser();
        String scope = scope();
        List<String> titles = List.of("Echo", "Alder", "Cinder", "Birch", "Dune");
        Map<String, String> byTitle = new java.util.HashMap<>();
        for (String title : titles) {
            byTitle.put(publish(author, title, "A book called " + title + " about trees and sand.", "literary", List.of(scope)), title);
        }
        for (String sort : List.of("title", "published", "words", "updated", "relevance")) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = reader.get("/api/v1/discover/books?tag=" + scope + "&q=book&size=2&sort=" + sort
                        + (cursor == null ? "" : "&cursor=" + cursor));
                walked.addAll(ids(page));
                cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asString();
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(walked).as(sort).hasSize(5).doesNotHaveDuplicates();
            assertThat(new HashSet<>(walked)).isEqualTo(byTitle.keySet());
            if (sort.equals("title")) {
                assertThat(walked.stream().map(byTitle::get)).containsExactly("Alder", "Birch", "Cinder", "Dune", "Echo");
            }
        }
        String cursor = reader.get("/api/v1/discover/books?tag=" + scope + "&size=2&sort=title").path("nextCursor").asString();
        problem(reader.send("GET", "/api/v1/discover/books?tag=" + scope + "&sort=words&cursor=" + cursor, null), 400, "invalid-cursor");
        problem(reader.send("GET", "/api/v1/discover/books?cursor=garbage", null), 400, "invalid-cursor");
    }

    @Test
    void onlyAnAdminRebuildsTheIndexAndItHoldsTheSameBooksAfter() {
        Api author = newUser();
        String scope = scope();
        String book = publish(author, "Rebuilt Harbour", "An index is remade and the harbour is still found.", "other", List.of(scope));
        problem(author.send("POST", "/api/v1/discover/index", null), 403, "admin-only");
        problem(Api.anonymous(port).send("POST", "/api/v1/discover/index", null), 401, "authentication-required");
        JsonNode rebuilt = ok(newUser("ADMIN").send("POST", "/api/v1/discover/index", null), 200);
        assertThat(rebuilt.path("indexed").asInt()).isPositive();
        assertThat(ids(author.get("/api/v1/discover/books?tag=" + scope + "&q=harbour"))).containsExactly(book);
    }

    @Test
    void announcementsThatArriveLateTwiceOrOutOfOrderNeverBringBackAnOlderState() {
        Api author = newUser();
        Api reader = newUser();
        String scope = scope();
        String search = "/api/v1/discover/books?tag=" + scope;
        String book = publish(author, "The Late Ferry", "A ferry that always arrives after the tide.", "literary", List.of(scope));
        BookPublished firstListing = announcements.first(book);

        // a newer listing, then the first one delivered again: the newer one stays
        ok(author.send("PATCH", "/api/v1/books/" + book + "/publication",
                json(Map.of("blurb", "A ferry that waits for the storm to pass.", "genre", "literary", "tags", List.of(scope)))), 200);
        eventually("the new blurb", () -> reader.get(search), page -> page.toString().contains("waits for the storm"));
        redeliver(firstListing);
        assertThat(reader.get(search).toString()).contains("waits for the storm").doesNotContain("after the tide");

        // unpublished, then the old listing again: the book stays down
        ok(author.send("POST", "/api/v1/books/" + book + "/unpublish", null), 200);
        indexed(reader, scope, book, false);
        redeliver(firstListing);
        assertThat(ids(reader.get(search))).doesNotContain(book);
        assertThat(ids(reader.get(search + "&q=ferry"))).doesNotContain(book);

        // published again (a newer revision than any before): back, and the same announcement twice changes nothing
        ok(author.send("POST", "/api/v1/books/" + book + "/publish", null), 200);
        indexed(reader, scope, book, true);
        BookPublished latest = announcements.published.getLast();
        assertThat(latest.book().bookId().toString()).isEqualTo(book);
        redeliver(latest);
        assertThat(ids(reader.get(search))).containsExactly(book);

        // deleted: no announcement brings it back
        ok(author.send("DELETE", "/api/v1/books/" + book, null), 204);
        indexed(reader, scope, book, false);
        redeliver(latest);
        assertThat(ids(reader.get(search))).doesNotContain(book);
        assertThat(ids(reader.get("/api/v1/discover/trending?size=100"))).doesNotContain(book);
    }

    @Test
    void publicationsLeftUnderTheListenersOldDefaultIdsAreCarriedOverToTheirStableIds() throws IOException {
        Set<String> listeners = context.getApplicationListeners().stream().filter(TransactionalApplicationListener.class::isInstance)
                .map(listener -> ((TransactionalApplicationListener<?>) listener).getListenerId()).collect(Collectors.toSet());
        Map<String, String> renamed = Map.of(
                "BookPublished", "discovery.book-published", "BookUnpublished", "discovery.book-unpublished",
                "BookDeleted", "discovery.book-deleted", "BookRead", "discovery.book-read");
        Map<UUID, String> expected = new HashMap<>();
        renamed.forEach((event, id) -> {
            assertThat(listeners).contains(id);
            UUID publication = UUID.randomUUID();
            expected.put(publication, id);
            // unfinished, as a process before the listeners had ids left it: named by Spring's default listener id
            // (young, so no resubmission takes it up meanwhile)
            db.sql("""
                    INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date)
                    VALUES (:id, :listener, :type, '{}', now())""")
                    .param("id", publication).param("listener", "com.authorworks.discovery.internal.Discovery.on(com.authorworks.content." + event + ")")
                    .param("type", "com.authorworks.content." + event).update();
        });
        try {
            db.sql(new ClassPathResource("db/migration/discovery/V4__stable_listener_ids.sql").getContentAsString(StandardCharsets.UTF_8)).update();
            expected.forEach((publication, id) -> assertThat(db.sql("SELECT listener_id FROM events.event_publication WHERE id = :id")
                    .param("id", publication).query(String.class).single()).isEqualTo(id));
        } finally {
            db.sql("DELETE FROM events.event_publication WHERE id IN (:ids)").param("ids", List.copyOf(expected.keySet())).update();
        }
    }

    @Test
    void badSearchesAreProblems() {
        Api reader = newUser();
        JsonNode badSort = problem(reader.send("GET", "/api/v1/discover/books?sort=best", null), 400, "invalid-sort");
        assertThat(badSort.path("detail").asString()).contains("relevance", "published", "updated", "words", "follows", "rating", "title");
        assertThat(badSort.path("allowed").toString()).isEqualTo("[\"relevance\",\"published\",\"updated\",\"words\",\"follows\",\"rating\",\"title\"]");
        problem(reader.send("GET", "/api/v1/discover/books?size=0", null), 400, "invalid-page-size");
        problem(reader.send("GET", "/api/v1/discover/books?size=101", null), 400, "invalid-page-size");
        problem(reader.send("GET", "/api/v1/discover/books?minWords=10&maxWords=5", null), 400, "invalid-word-range");
        problem(reader.send("GET", "/api/v1/discover/books?q=" + "a".repeat(501), null), 400, "query-too-long");
        problem(reader.send("GET", "/api/v1/discover/books?minWords=many", null), 400, "invalid-parameter");
        ok(reader.send("GET", "/api/v1/discover/books?q=" + q("the of and"), null), 200);
    }

    private void read(Api reader, String book) {
        JsonNode details = reader.get("/api/v1/books/" + book);
        JsonNode chapter = details.path("chapters").get(0);
        ok(reader.send("PUT", "/api/v1/books/" + book + "/reading-position", json(Map.of("chapterId", chapter.path("id").asString(),
                "sceneId", chapter.path("scenes").get(0).path("id").asString(), "progress", 0.1))), 200);
    }

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")));
    }

}
