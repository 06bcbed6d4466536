package com.authorworks.discovery;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.identity.Users;
import com.authorworks.platform.testing.Api;

import tools.jackson.databind.JsonNode;

/**
 * The windowed lists (popular this week, rising stars, trending per window) with their parts explained, tag
 * autocomplete and the updated-since filter, readers' reading lists and who may see or change them, and an
 * author's public page. Identity is not in this process: its {@link Users} contract answers with the names the
 * tests give, as identity's own bean would.
 */
@SpringBootTest(classes = {DiscoveryTestApplication.class, ChartsAndListsIntegrationTests.Identity.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"authorworks.services=content,storage,discovery"})
class ChartsAndListsIntegrationTests extends DiscoveryFixture {

    @org.springframework.beans.factory.annotation.Autowired
    Identity identity;

    @TestConfiguration
    static class Identity {

        final TestUsers directory = new TestUsers();
        final Map<UUID, String> names = directory.names;

        @Bean
        Users users() {
            return directory;
        }
    }

    /** A published book of the genre with these tags, once discovery has it. */
    String publish(Api author, String title, String genre, List<String> tags, String... audience) {
        Map<String, Object> listing = new java.util.HashMap<>(Map.of("blurb", "About " + title + ".", "genre", genre, "tags", tags));
        if (audience.length > 0) {
            listing.put("audience", audience[0]);
        }
        String book = publishBook(author, title, "The first page of " + title + ".", listing).book();
        awaitCatalogued(book);
        return book;
    }

    static void follow(Api reader, String book) {
        ok(reader.send("PUT", "/api/v1/discover/books/" + book + "/follow", null), 200);
    }

    /** The ids of a page's books (items that are cards, or that hold one as {@code book}), keeping only {@code mine}, in order. */
    static List<String> only(JsonNode page, List<String> mine) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> {
            String id = item.has("book") ? item.path("book").path("id").asString() : item.path("id").asString();
            if (mine.contains(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    static JsonNode item(JsonNode page, String book) {
        for (JsonNode item : page.path("items")) {
            if (item.path("book").path("id").asString().equals(book)) {
                return item;
            }
        }
        throw new AssertionError("not listed: " + book + " in " + page);
    }

    @Test
    void popularThisWeekAndRisingStarsComeFromEngagementWithTheirPartsAndHiddenTagsLeftOut() {
        String genre = "children";
        Api established = newUser();
        Api debutant = newUser();
        List<Api> readers = List.of(newUser(), newUser(), newUser());
        String hidden = "grim" + UUID.randomUUID().toString().substring(0, 6);

        String first = publish(established, "The Old Favourite", genre, List.of("castles"));
        readers.forEach(reader -> follow(reader, first));
        String sequel = publish(established, "The Favourite's Sequel", genre, List.of("castles"));
        follow(readers.get(0), sequel);
        follow(readers.get(1), sequel);
        String debut = publish(debutant, "A Debut", genre, List.of("castles", hidden));
        follow(readers.get(0), debut);
        follow(readers.get(1), debut);
        ok(readers.get(2).send("PUT", "/api/v1/discover/books/" + debut + "/rating", json(Map.of("overall", 5))), 200);
        String members = publish(debutant, "For Members", genre, List.of("castles"), "signed-in");
        readers.forEach(reader -> follow(reader, members));
        List<String> mine = List.of(first, sequel, debut);
        Api anonymous = anonymous();

        // popular this week: points = reads + 2 follows + 3 first ratings; the debut's 2 follows and a rating (7) lead
        JsonNode popular = ok(anonymous.send("GET", "/api/v1/discover/popular?size=100&genre=" + genre, null), 200);
        assertThat(popular.path("window").asString()).isEqualTo("week");
        assertThat(only(popular, mine)).containsExactly(debut, first, sequel);
        assertThat(item(popular, debut).path("points").asLong()).isEqualTo(7);
        assertThat(item(popular, debut).path("follows").asLong()).isEqualTo(2);
        assertThat(item(popular, debut).path("ratings").asLong()).isEqualTo(1);
        assertThat(item(popular, debut).path("book").path("reason").asString()).isEqualTo("popular");
        assertThat(only(popular, List.of(members))).as("a signed-in book is not for the anonymous").isEmpty();
        assertThat(only(ok(readers.get(0).send("GET", "/api/v1/discover/popular?size=100&genre=" + genre, null), 200), List.of(members)))
                .containsExactly(members);
        // a hidden tag leaves the list, and the total with it
        JsonNode withoutHidden = ok(anonymous.send("GET", "/api/v1/discover/popular?size=100&genre=" + genre + "&excludeTag=" + hidden, null), 200);
        assertThat(only(withoutHidden, mine)).containsExactly(first, sequel);
        assertThat(withoutHidden.path("total").asLong()).isEqualTo(popular.path("total").asLong() - 1);
        JsonNode explained = ok(anonymous.send("GET", "/api/v1/discover/popular/explain?book=" + debut, null), 200);
        assertThat(explained.path("points").asLong()).isEqualTo(7);
        assertThat(explained.path("formula").asString()).contains("follows * 2");

        // interest older than the week counts in the month, not the week
        db.sql("INSERT INTO discovery.engagement (book_id, day, reads) VALUES (:book, :day, 10)")
                .param("book", UUID.fromString(sequel)).param("day", LocalDate.now(ZoneOffset.UTC).minusDays(10)).update();
        assertThat(only(ok(anonymous.send("GET", "/api/v1/discover/popular?size=100&genre=" + genre, null), 200), mine))
                .containsExactly(debut, first, sequel);
        JsonNode month = ok(anonymous.send("GET", "/api/v1/discover/popular?size=100&window=month&genre=" + genre, null), 200);
        assertThat(only(month, mine)).containsExactly(sequel, debut, first);
        assertThat(item(month, sequel).path("points").asLong()).isEqualTo(14);
        // trending per window counts the readers who started within it
        assertThat(item(ok(anonymous.send("GET", "/api/v1/discover/trending?size=100&window=month&genre=" + genre, null), 200), sequel)
                .path("reads").asLong()).isEqualTo(10);
        assertThat(item(ok(anonymous.send("GET", "/api/v1/discover/trending?size=100&window=week&genre=" + genre, null), 200), sequel)
                .path("reads").asLong()).isZero();
        assertThat(only(ok(anonymous.send("GET", "/api/v1/discover/trending?size=100&window=month&genre=" + genre + "&excludeTag=" + hidden,
                null), 200), mine)).doesNotContain(debut);
        db.sql("DELETE FROM discovery.engagement WHERE book_id = :book AND day < current_date - 5").param("book", UUID.fromString(sequel)).update();

        // rising stars: growth for the age, damped by the author's earlier audience; the debut outranks the sequel with as much interest
        JsonNode rising = ok(anonymous.send("GET", "/api/v1/discover/rising-stars?size=100&genre=" + genre, null), 200);
        assertThat(only(rising, mine)).containsExactly(debut, first, sequel);
        assertThat(item(rising, debut).path("debut").asBoolean()).isTrue();
        assertThat(item(rising, sequel).path("debut").asBoolean()).isFalse();
        assertThat(item(rising, sequel).path("priorAudience").asLong()).isEqualTo(3);
        JsonNode parts = ok(anonymous.send("GET", "/api/v1/discover/rising-stars/explain?book=" + sequel, null), 200);
        assertThat(parts.path("points").asLong()).isEqualTo(4);
        assertThat(parts.path("priorAudience").asLong()).isEqualTo(3);
        assertThat(parts.path("eligible").asBoolean()).isTrue();
        assertThat(parts.path("score").asDouble())
                .isCloseTo(4 / (parts.path("ageDays").asDouble() + 1) / (1 + Math.log(4)), within(1e-6));
        assertThat(only(ok(anonymous.send("GET", "/api/v1/discover/rising-stars?size=100&excludeTag=" + hidden + "&genre=" + genre, null), 200),
                mine)).containsExactly(first, sequel);

        // a book first published more than 30 days ago is no rising star any more
        db.sql("UPDATE discovery.books SET first_published_at = now() - interval '40 days' WHERE id = :id").param("id", UUID.fromString(first)).update();
        assertThat(only(ok(anonymous.send("GET", "/api/v1/discover/rising-stars?size=100&genre=" + genre, null), 200), mine))
                .containsExactly(debut, sequel);
        assertThat(ok(anonymous.send("GET", "/api/v1/discover/rising-stars/explain?book=" + first, null), 200).path("eligible").asBoolean())
                .isFalse();

        // unpublished, a book leaves both lists
        ok(debutant.send("POST", "/api/v1/books/" + debut + "/unpublish", null), 200);
        eventually("the unpublished debut gone", () -> only(ok(anonymous.send("GET", "/api/v1/discover/popular?size=100&genre=" + genre, null),
                200), mine), ids -> !ids.contains(debut));
        assertThat(only(ok(anonymous.send("GET", "/api/v1/discover/rising-stars?size=100&genre=" + genre, null), 200), mine)).doesNotContain(debut);
        problem(anonymous.send("GET", "/api/v1/discover/rising-stars/explain?book=" + debut, null), 404, "book-not-found");
        problem(anonymous.send("GET", "/api/v1/discover/popular/explain?book=" + members, null), 404, "book-not-found");
        problem(anonymous.send("GET", "/api/v1/discover/popular?window=fortnight", null), 400, "invalid-window");
        problem(anonymous.send("GET", "/api/v1/discover/trending?window=year", null), 400, "invalid-window");
    }

    @Test
    void risingStarsKeepThreeOfEveryTenPlacesForDebutsAndSayWhichWereReserved() {
        String genre = "thriller";
        Api established = newUser();
        String old = publish(established, "The Old Thriller", genre, List.of("spies"));
        db.sql("UPDATE discovery.books SET first_published_at = now() - interval '40 days' WHERE id = :id").param("id", UUID.fromString(old)).update();
        List<String> sequels = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            sequels.add(publish(established, "Sequel " + i, genre, List.of("spies")));
        }
        String big = publish(newUser(), "A Loud Debut", genre, List.of("spies"));
        String quiet = publish(newUser(), "A Quiet Debut", genre, List.of("spies"));
        String quieter = publish(newUser(), "A Quieter Debut", genre, List.of("spies"));
        // interest today: sequel i has 100 + i readers, far ahead of two of the debuts
        for (int i = 0; i < sequels.size(); i++) {
            engage(sequels.get(i), 101 + i);
        }
        engage(big, 1000);
        engage(quiet, 2);
        engage(quieter, 1);

        JsonNode rising = ok(anonymous().send("GET", "/api/v1/discover/rising-stars?size=100&genre=" + genre, null), 200);
        List<String> expected = new ArrayList<>(List.of(big));
        for (int i = 11; i >= 5; i--) {
            expected.add(sequels.get(i - 1)); // places 2–8: by score
        }
        expected.addAll(List.of(quiet, quieter)); // places 9 and 10: the block's reserved debut slots
        for (int i = 4; i >= 1; i--) {
            expected.add(sequels.get(i - 1)); // 11–14: no debut left to reserve a place for
        }
        List<String> ids = new ArrayList<>();
        List<Boolean> reserved = new ArrayList<>();
        rising.path("items").forEach(item -> {
            ids.add(item.path("book").path("id").asString());
            reserved.add(item.path("reservedSlot").asBoolean());
        });
        assertThat(ids).isEqualTo(expected);
        assertThat(rising.path("total").asLong()).isEqualTo(14);
        assertThat(reserved).as("the loud debut leads by score; the quiet ones hold reserved places")
                .containsExactly(false, false, false, false, false, false, false, false, true, true, false, false, false, false);
        assertThat(item(rising, quiet).path("score").asDouble()).isLessThan(item(rising, sequels.get(0)).path("score").asDouble());

        // pages are slices of the same ranking
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            ok(anonymous().send("GET", "/api/v1/discover/rising-stars?size=5&page=" + page + "&genre=" + genre, null), 200).path("items")
                    .forEach(item -> paged.add(item.path("book").path("id").asString()));
        }
        assertThat(paged).isEqualTo(expected);
        assertThat(ok(anonymous().send("GET", "/api/v1/discover/rising-stars/explain?book=" + quiet, null), 200).path("formula").asString())
                .contains("of every 10 places at least 3 go to debuts");
    }

    private void engage(String book, int reads) {
        db.sql("INSERT INTO discovery.engagement (book_id, day, reads) VALUES (:book, :day, :reads)")
                .param("book", UUID.fromString(book)).param("day", LocalDate.now(ZoneOffset.UTC)).param("reads", reads).update();
    }

    @Test
    void tagsAutocompleteWithCountsAndSearchKeepsOnlyTheRecentlyUpdated() {
        Api author = newUser();
        String stem = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String both = publish(author, "Two Tags", "humor", List.of(stem + "-alpha", stem + "-alphabet"));
        publish(author, "One Tag", "humor", List.of(stem + "-alpha"));
        publish(author, "Members' Tag", "humor", List.of(stem + "-alphabet"), "signed-in");

        JsonNode tags = ok(anonymous().send("GET", "/api/v1/discover/tags?prefix=" + stem.toUpperCase() + "-ALP", null), 200);
        assertThat(tags.path("items").toString()).isEqualTo("[{\"tag\":\"" + stem + "-alpha\",\"books\":2},{\"tag\":\"" + stem
                + "-alphabet\",\"books\":1}]");
        JsonNode signedIn = ok(author.send("GET", "/api/v1/discover/tags?prefix=" + stem + "-alphab", null), 200);
        assertThat(signedIn.path("items").get(0).path("books").asLong()).as("the signed-in book counts for the signed-in").isEqualTo(2);
        assertThat(ok(anonymous().send("GET", "/api/v1/discover/tags?size=1&prefix=" + stem, null), 200).path("items")).hasSize(1);
        problem(anonymous().send("GET", "/api/v1/discover/tags?prefix=" + "x".repeat(101), null), 400, "invalid-prefix");

        String search = "/api/v1/discover/books?tag=" + stem + "-alpha&updatedSince=";
        assertThat(only(ok(anonymous().send("GET", search + LocalDate.now(ZoneOffset.UTC).minusDays(1), null), 200), List.of(both)))
                .containsExactly(both);
        assertThat(ok(anonymous().send("GET", search + Instant.now().plusSeconds(3600), null), 200).path("total").asLong()).isZero();
        problem(anonymous().send("GET", search + "yesterday", null), 400, "invalid-updated-since");
    }

    @Test
    void aReaderKeepsNamedReadingListsInTheirOrderAndAPrivateOneIsNobodyElses() {
        Api author = newUser();
        Api reader = newUser();
        Api stranger = newUser();
        String one = publish(author, "List Book One", "mystery", List.of("lists"));
        String two = publish(author, "List Book Two", "mystery", List.of("lists"));
        String three = publish(author, "List Book Three", "mystery", List.of("lists"));

        JsonNode created = ok(reader.send("POST", "/api/v1/discover/lists", json(Map.of("name", "  Winter   reads "))), 201);
        String list = created.path("id").asString();
        assertThat(created.path("name").asString()).isEqualTo("Winter reads");
        assertThat(created.path("visibility").asString()).isEqualTo("private");
        String path = "/api/v1/discover/lists/" + list;
        for (String book : List.of(one, two, three, one)) {
            ok(reader.send("PUT", path + "/books/" + book, null), 200);
        }
        assertThat(only(ok(reader.send("GET", path, null), 200).path("books").isArray() ? books(ok(reader.send("GET", path, null), 200)) : null,
                List.of(one, two, three))).containsExactly(one, two, three);
        JsonNode reordered = ok(reader.send("PUT", path + "/order", json(Map.of("bookIds", List.of(three, one)))), 200);
        assertThat(only(books(reordered), List.of(one, two, three))).containsExactly(three, one, two);
        problem(reader.send("PUT", path + "/order", json(Map.of("bookIds", List.of(three, three)))), 400, "invalid-order");
        problem(reader.send("PUT", path + "/order", json(Map.of("bookIds", List.of(UUID.randomUUID())))), 400, "invalid-order");
        problem(reader.send("PUT", path + "/books/" + UUID.randomUUID(), null), 404, "book-not-found");

        // private: nobody else's, not even to know it exists
        problem(stranger.send("GET", path, null), 404, "list-not-found");
        problem(anonymous().send("GET", path, null), 404, "list-not-found");
        problem(stranger.send("PUT", path + "/books/" + one, null), 404, "list-not-found");
        problem(stranger.send("DELETE", path, null), 404, "list-not-found");
        assertThat(ok(stranger.send("GET", "/api/v1/discover/lists", null), 200).path("items")).isEmpty();

        // renamed and shared: anyone sees it, only its owner changes it
        JsonNode shared = ok(reader.send("PATCH", path, json(Map.of("name", "Best of winter", "visibility", "public"))), 200);
        assertThat(shared.path("visibility").asString()).isEqualTo("public");
        assertThat(ok(anonymous().send("GET", path, null), 200).path("name").asString()).isEqualTo("Best of winter");
        problem(stranger.send("PATCH", path, json(Map.of("name", "Mine now"))), 403, "not-your-list");
        problem(stranger.send("DELETE", path + "/books/" + one, null), 403, "not-your-list");
        problem(reader.send("PATCH", path, json(Map.of("visibility", "secret"))), 400, "invalid-visibility");
        problem(reader.send("PATCH", path, json(Map.of("name", "   "))), 400, "invalid-list-name");
        problem(reader.send("POST", "/api/v1/discover/lists", json(Map.of("name", ""))), 400, "invalid-list-name");

        // an unpublished book leaves the list as shown, and comes back with its place when published again
        ok(author.send("POST", "/api/v1/books/" + one + "/unpublish", null), 200);
        eventually("the unpublished book out of the list", () -> only(books(ok(reader.send("GET", path, null), 200)), List.of(one, two, three)),
                ids -> ids.equals(List.of(three, two)));
        assertThat(ok(reader.send("GET", "/api/v1/discover/lists", null), 200).path("items").get(0).path("books").asInt()).isEqualTo(2);
        ok(author.send("POST", "/api/v1/books/" + one + "/publish", null), 200);
        eventually("the book back in its place", () -> only(books(ok(reader.send("GET", path, null), 200)), List.of(one, two, three)),
                ids -> ids.equals(List.of(three, one, two)));

        ok(reader.send("DELETE", path + "/books/" + two, null), 204);
        problem(reader.send("DELETE", path + "/books/" + two, null), 404, "book-not-in-list");
        ok(reader.send("DELETE", path, null), 204);
        problem(reader.send("GET", path, null), 404, "list-not-found");
        assertThat(anonymous().send("POST", "/api/v1/discover/lists", json(Map.of("name", "x"))).statusCode()).isEqualTo(401);
    }

    @Test
    void anAuthorsPageShowsTheirNameTheirPublishedBooksTheirReadersAndTheirPublicLists() {
        Api author = newUser();
        Api reader = newUser();
        identity.names.put(author.user, "Maud Fenwick");
        String older = publish(author, "Fenwick's First", "horror", List.of("fens"));
        String newer = publish(author, "Fenwick's Second", "horror", List.of("fens"));
        String members = publish(author, "Fenwick for Members", "horror", List.of("fens"), "signed-in");
        follow(reader, older);
        follow(reader, newer);
        follow(reader, members);
        String shared = ok(author.send("POST", "/api/v1/discover/lists", json(Map.of("name", "Fen classics", "visibility", "public"))), 201)
                .path("id").asString();
        ok(author.send("POST", "/api/v1/discover/lists", json(Map.of("name", "Secret drafts of lists"))), 201);

        JsonNode page = ok(anonymous().send("GET", "/api/v1/discover/authors/" + author.user, null), 200);
        assertThat(page.path("displayName").asString()).isEqualTo("Maud Fenwick");
        assertThat(page.path("bio").asString()).isEqualTo("Writes about Maud Fenwick.");
        assertThat(page.path("followers").asLong()).isEqualTo(7);
        assertThat(only(page.path("books").isArray() ? books(page) : null, List.of(older, newer, members))).containsExactly(newer, older);
        assertThat(page.path("bookFollowers").asLong()).as("the follows of the books shown").isEqualTo(2);
        assertThat(page.path("lists")).hasSize(1);
        assertThat(page.path("lists").get(0).path("id").asString()).isEqualTo(shared);
        JsonNode signedIn = ok(reader.send("GET", "/api/v1/discover/authors/" + author.user, null), 200);
        assertThat(only(books(signedIn), List.of(older, newer, members))).containsExactly(members, newer, older);
        assertThat(signedIn.path("bookFollowers").asLong()).isEqualTo(3);

        // someone with no published book whom identity does not know has no page; a reader identity knows has one, empty
        problem(anonymous().send("GET", "/api/v1/discover/authors/" + UUID.randomUUID(), null), 404, "author-not-found");
        identity.names.put(reader.user, "Quiet Reader");
        assertThat(ok(anonymous().send("GET", "/api/v1/discover/authors/" + reader.user, null), 200).path("books")).isEmpty();
    }

    /** A page whose {@code books} are cards, as a page of items. */
    static JsonNode books(JsonNode page) {
        tools.jackson.databind.node.ObjectNode wrapped = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        wrapped.set("items", page.path("books"));
        return wrapped;
    }
}
