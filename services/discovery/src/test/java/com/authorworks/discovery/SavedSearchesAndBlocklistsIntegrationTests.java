package com.authorworks.discovery;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookId;
import com.authorworks.content.BookRead;
import com.authorworks.platform.UserId;
import com.authorworks.platform.testing.Api;

import tools.jackson.databind.JsonNode;

/**
 * Readers' saved blocklists (authors and tags never shown to them), applied on the server to search with its counts,
 * every list, the feed, latest updates, tag autocomplete and recommendations; and saved searches, which only their
 * owner may see, change or run. Shares {@link ChartsAndListsIntegrationTests}' context (identity's names as the test gives them).
 */
@SpringBootTest(classes = {DiscoveryTestApplication.class, ChartsAndListsIntegrationTests.Identity.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"authorworks.services=content,storage,discovery"})
class SavedSearchesAndBlocklistsIntegrationTests extends DiscoveryFixture {

    @Autowired
    ChartsAndListsIntegrationTests.Identity identity;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    String publish(Api author, String title, List<String> tags) {
        Map<String, Object> listing = new HashMap<>(Map.of("blurb", "A lighthouse keeper's tale of tides and storms: " + title + ".",
                "genre", "historical", "tags", tags));
        String book = publishBook(author, title, "The lamp of " + title + " burned all night.", listing).book();
        awaitCatalogued(book);
        return book;
    }

    static List<String> only(JsonNode page, List<String> mine) {
        List<String> ids = new ArrayList<>();
        page.path(page.has("items") ? "items" : "books").forEach(item -> {
            String id = item.has("book") ? item.path("book").path("id").asString()
                    : item.has("bookId") ? item.path("bookId").asString() : item.path("id").asString();
            if (mine.contains(id) && !ids.contains(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Test
    void aReadersBlocklistHidesAuthorsAndTagsEverywhereTheyLookAndOnlyForThem() {
        Api muted = newUser();
        Api kept = newUser();
        Api reader = newUser();
        Api other = newUser();
        identity.names.put(muted.user, "Muted Author");
        String stem = "bl" + UUID.randomUUID().toString().substring(0, 6);
        String grim = stem + "-grim";
        String x1 = publish(muted, "The Muted Lamp", List.of(stem));
        String y1 = publish(kept, "The Kept Lamp", List.of(stem));
        String y2 = publish(kept, "The Grim Lamp", List.of(stem, grim));
        List<String> mine = List.of(x1, y1, y2);
        for (Api someone : List.of(reader, other)) {
            for (String book : mine) {
                ok(someone.send("PUT", "/api/v1/discover/books/" + book + "/follow", null), 200);
            }
        }
        for (String book : mine) {
            ok(other.send("PUT", "/api/v1/discover/books/" + book + "/rating", json(Map.of("overall", 5))), 200);
        }

        // nothing hidden yet
        JsonNode empty = ok(reader.send("GET", "/api/v1/discover/blocklist", null), 200);
        assertThat(empty.path("authors")).isEmpty();
        assertThat(empty.path("tags")).isEmpty();
        assertThat(ok(reader.send("GET", "/api/v1/discover/books?tag=" + stem, null), 200).path("total").asLong()).isEqualTo(3);

        JsonNode saved = ok(reader.send("PUT", "/api/v1/discover/blocklist",
                json(Map.of("authors", List.of(muted.user, muted.user), "tags", List.of("  " + grim.toUpperCase() + " ")))), 200);
        assertThat(saved.path("authors")).singleElement().satisfies(a -> {
            assertThat(a.path("id").asString()).isEqualTo(muted.user.toString());
            assertThat(a.path("name").asString()).isEqualTo("Muted Author");
        });
        assertThat(saved.path("tags").toString()).isEqualTo("[\"" + grim + "\"]");
        assertThat(ok(reader.send("GET", "/api/v1/discover/blocklist", null), 200)).isEqualTo(saved);

        // search: results, total and facet counts without them; keyword and semantic alike
        JsonNode search = ok(reader.send("GET", "/api/v1/discover/books?tag=" + stem, null), 200);
        assertThat(only(search, mine)).containsExactly(y1);
        assertThat(search.path("total").asLong()).isEqualTo(1);
        assertThat(search.path("facets").path("tag").toString()).doesNotContain(grim);
        assertThat(only(ok(reader.send("GET", "/api/v1/discover/books?q=lamp&size=100&tag=" + stem, null), 200), mine)).containsExactly(y1);
        JsonNode theirs = ok(other.send("GET", "/api/v1/discover/books?tag=" + stem, null), 200);
        assertThat(theirs.path("total").asLong()).as("another reader's search is theirs").isEqualTo(3);
        assertThat(theirs.path("facets").path("tag").toString()).contains(grim);
        assertThat(ok(anonymous().send("GET", "/api/v1/discover/books?tag=" + stem, null), 200).path("total").asLong()).isEqualTo(3);

        // every list
        for (String list : List.of("trending", "popular", "rising-stars", "best-rated")) {
            String path = "/api/v1/discover/" + list + "?size=100&genre=historical";
            assertThat(only(ok(reader.send("GET", path, null), 200), mine)).as(list).containsExactly(y1);
            assertThat(only(ok(other.send("GET", path, null), 200), mine)).as(list + " for another").containsExactlyInAnyOrderElementsOf(mine);
        }
        // the feed and latest updates (each book's first chapter, released with it)
        eventually("the feed holds the three first chapters", () -> only(ok(other.send("GET", "/api/v1/discover/feed?size=100", null), 200), mine),
                ids -> ids.size() == 3);
        assertThat(only(ok(reader.send("GET", "/api/v1/discover/feed?size=100", null), 200), mine)).containsExactly(y1);
        assertThat(only(ok(reader.send("GET", "/api/v1/discover/latest?size=100&genre=historical", null), 200), mine)).containsExactly(y1);
        assertThat(only(ok(anonymous().send("GET", "/api/v1/discover/latest?size=100&genre=historical", null), 200), mine)).hasSize(3);
        // tag autocomplete counts
        assertThat(ok(reader.send("GET", "/api/v1/discover/tags?prefix=" + stem, null), 200).path("items").toString())
                .isEqualTo("[{\"tag\":\"" + stem + "\",\"books\":1}]");
        assertThat(ok(other.send("GET", "/api/v1/discover/tags?prefix=" + stem, null), 200).path("items").toString())
                .isEqualTo("[{\"tag\":\"" + stem + "\",\"books\":3},{\"tag\":\"" + grim + "\",\"books\":1}]");
        // recommendations from a reading history: never a hidden author's or tag's book
        String z1 = publish(kept, "The Other Kept Lamp", List.of(stem + "-other"));
        Api historian = newUser();
        ok(historian.send("PUT", "/api/v1/discover/blocklist", json(Map.of("authors", List.of(muted.user), "tags", List.of(grim)))), 200);
        Api control = newUser();
        for (Api someone : List.of(historian, control)) {
            transactions.executeWithoutResult(tx -> events.publishEvent(
                    new BookRead(new BookId(UUID.fromString(y1)), new UserId(someone.user), Instant.now())));
        }
        JsonNode controlled = eventually("the control's history", () -> ok(control.send("GET", "/api/v1/discover/recommendations?size=100", null), 200),
                page -> !page.path("items").isEmpty() && page.path("items").get(0).path("reason").asString().equals("because-you-read"));
        assertThat(only(controlled, List.of(x1, y1, y2, z1))).as("without a blocklist the like books are recommended, never the one read")
                .containsExactlyInAnyOrder(x1, y2, z1);
        JsonNode recommended = eventually("the historian's history",
                () -> ok(historian.send("GET", "/api/v1/discover/recommendations?size=100", null), 200),
                page -> !page.path("items").isEmpty() && page.path("items").get(0).path("reason").asString().equals("because-you-read"));
        assertThat(only(recommended, List.of(x1, y1, y2, z1))).containsExactly(z1);

        // the blocklist is the reader's own: cleared, everything is back
        problem(muted.send("PUT", "/api/v1/discover/blocklist", json(Map.of("authors", List.of(muted.user), "tags", List.of()))), 400, "own-author");
        problem(reader.send("PUT", "/api/v1/discover/blocklist", json(Map.of("authors", List.of(), "tags", List.of("x".repeat(101))))),
                400, "invalid-filter");
        assertThat(ok(other.send("GET", "/api/v1/discover/blocklist", null), 200).path("authors")).isEmpty();
        assertThat(anonymous().send("GET", "/api/v1/discover/blocklist", null).statusCode()).isEqualTo(401);
        ok(reader.send("PUT", "/api/v1/discover/blocklist", json(Map.of("authors", List.of(), "tags", List.of()))), 200);
        assertThat(ok(reader.send("GET", "/api/v1/discover/books?tag=" + stem, null), 200).path("total").asLong()).isEqualTo(3);
        assertThat(only(ok(reader.send("GET", "/api/v1/discover/feed?size=100", null), 200), mine)).hasSize(3);
    }

    @Test
    void aSavedSearchIsItsOwnersAloneAndRunsWithTheirBlocklist() {
        Api author = newUser();
        Api owner = newUser();
        Api stranger = newUser();
        String stem = "ss" + UUID.randomUUID().toString().substring(0, 6);
        String a = publish(author, "Alpha Lamp", List.of(stem));
        String b = publish(author, "Beta Lamp", List.of(stem, stem + "-dark"));
        Api other = newUser();
        String c = publish(other, "Gamma Lamp", List.of(stem));
        List<String> mine = List.of(a, b, c);

        JsonNode created = ok(owner.send("POST", "/api/v1/discover/saved-searches",
                json(Map.of("name", "  My   lamps ", "query", Map.of("tag", List.of(stem), "sort", "title")))), 201);
        String id = created.path("id").asString();
        assertThat(created.path("name").asString()).isEqualTo("My lamps");
        assertThat(created.path("query").path("tag").toString()).isEqualTo("[\"" + stem + "\"]");
        assertThat(created.path("query").path("sort").asString()).isEqualTo("title");
        assertThat(ok(owner.send("GET", "/api/v1/discover/saved-searches", null), 200).path("items")).singleElement()
                .satisfies(s -> assertThat(s.path("id").asString()).isEqualTo(id));
        assertThat(ok(owner.send("GET", "/api/v1/discover/saved-searches/" + id, null), 200).path("name").asString()).isEqualTo("My lamps");

        JsonNode results = ok(owner.send("GET", "/api/v1/discover/saved-searches/" + id + "/results", null), 200);
        assertThat(only(results, mine)).containsExactly(a, b, c);
        assertThat(results.path("total").asLong()).isEqualTo(3);
        JsonNode first = ok(owner.send("GET", "/api/v1/discover/saved-searches/" + id + "/results?size=1", null), 200);
        assertThat(only(first, mine)).containsExactly(a);
        assertThat(only(ok(owner.send("GET", "/api/v1/discover/saved-searches/" + id + "/results?size=2&cursor="
                + first.path("nextCursor").asString(), null), 200), mine)).containsExactly(b, c);

        // run with the owner's blocklist
        ok(owner.send("PUT", "/api/v1/discover/blocklist", json(Map.of("authors", List.of(other.user), "tags", List.of(stem + "-dark")))), 200);
        assertThat(only(ok(owner.send("GET", "/api/v1/discover/saved-searches/" + id + "/results", null), 200), mine)).containsExactly(a);

        // changed: only what is given
        JsonNode renamed = ok(owner.send("PATCH", "/api/v1/discover/saved-searches/" + id, json(Map.of("name", "Lamps"))), 200);
        assertThat(renamed.path("name").asString()).isEqualTo("Lamps");
        assertThat(renamed.path("query").path("sort").asString()).isEqualTo("title");
        ok(owner.send("PATCH", "/api/v1/discover/saved-searches/" + id, json(Map.of("query", Map.of("q", "lamp", "tag", List.of(stem))))), 200);
        assertThat(ok(owner.send("GET", "/api/v1/discover/saved-searches/" + id, null), 200).path("query").path("q").asString()).isEqualTo("lamp");

        // bad searches are the search's problems
        problem(owner.send("POST", "/api/v1/discover/saved-searches", json(Map.of("name", "x", "query", Map.of("sort", "best")))), 400, "invalid-sort");
        problem(owner.send("POST", "/api/v1/discover/saved-searches", json(Map.of("name", "x", "query", Map.of("updatedSince", "soon")))),
                400, "invalid-updated-since");
        problem(owner.send("POST", "/api/v1/discover/saved-searches", json(Map.of("name", "   "))), 400, "invalid-search-name");
        problem(owner.send("PATCH", "/api/v1/discover/saved-searches/" + id, json(Map.of("query", Map.of("minWords", 5, "maxWords", 1)))),
                400, "invalid-word-range");

        // a stranger finds nothing, whatever they try; the anonymous are asked to sign in
        String path = "/api/v1/discover/saved-searches/" + id;
        problem(stranger.send("GET", path, null), 404, "saved-search-not-found");
        problem(stranger.send("GET", path + "/results", null), 404, "saved-search-not-found");
        problem(stranger.send("PATCH", path, json(Map.of("name", "Mine now"))), 404, "saved-search-not-found");
        problem(stranger.send("DELETE", path, null), 404, "saved-search-not-found");
        assertThat(ok(stranger.send("GET", "/api/v1/discover/saved-searches", null), 200).path("items")).isEmpty();
        assertThat(anonymous().send("GET", path, null).statusCode()).isEqualTo(401);
        assertThat(anonymous().send("GET", "/api/v1/discover/saved-searches", null).statusCode()).isEqualTo(401);
        assertThat(ok(owner.send("GET", path, null), 200).path("name").asString()).isEqualTo("Lamps");

        assertThat(owner.send("DELETE", path, null).statusCode()).isEqualTo(204);
        problem(owner.send("GET", path, null), 404, "saved-search-not-found");
        problem(owner.send("DELETE", path, null), 404, "saved-search-not-found");
    }
}
