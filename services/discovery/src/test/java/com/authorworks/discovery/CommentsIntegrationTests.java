package com.authorworks.discovery;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import com.authorworks.discovery.internal.DiscoveryClock;
import com.authorworks.discovery.internal.DiscoveryProperties;
import com.authorworks.identity.UserBlocks;
import com.authorworks.identity.Users;
import com.authorworks.platform.UserId;
import com.authorworks.platform.testing.Api;

import tools.jackson.databind.JsonNode;

/**
 * Chapter comments end to end on real PostgreSQL: authors publish through content's API, readers comment,
 * reply, edit, delete, hide and report through discovery's, and admins settle the reports. Identity is not
 * in this process: its {@link Users} and {@link UserBlocks} contracts answer as identity would for the
 * names and blocks the tests give (identity's own tests hold the real ones to them; messaging's comment tests
 * run them for real).
 */
@SpringBootTest(classes = {DiscoveryTestApplication.class, CommentsIntegrationTests.Identity.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"authorworks.services=content,storage,discovery"})
class CommentsIntegrationTests extends DiscoveryFixture {

    @Autowired
    Identity identity;

    @Autowired
    DiscoveryProperties settings;

    @Autowired
    DiscoveryClock clock;

    @TestConfiguration
    static class Identity {

        final TestUsers directory = new TestUsers();
        final Map<UUID, String> names = directory.names;
        /** blocker -> blocked */
        final Set<List<UUID>> blocks = ConcurrentHashMap.newKeySet();
        final List<CommentPosted> posted = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CommentPosted event) {
            posted.add(event);
        }

        @Bean
        Users users() {
            return directory;
        }

        @Bean
        UserBlocks userBlocks() {
            return new UserBlocks() {
                @Override
                public boolean blockedEitherWay(UserId a, UserId b) {
                    return blocks.contains(List.of(a.value(), b.value())) || blocks.contains(List.of(b.value(), a.value()));
                }

                @Override
                public List<UserId> blockedBy(UserId blocker) {
                    return blocks.stream().filter(pair -> pair.get(0).equals(blocker.value())).map(pair -> new UserId(pair.get(1))).toList();
                }

                @Override
                public List<UserId> blockedAmong(UserId user, List<UserId> others) {
                    return others.stream().filter(other -> blockedEitherWay(user, other)).toList();
                }
            };
        }
    }

    Published publish(Api author, String title) {
        Published published = publishBook(author, title, "The tide came in.", Map.of("blurb", "A tide.", "genre", "literary",
                "tags", List.of("tides")));
        awaitCatalogued(published.book());
        return published;
    }

    static JsonNode comment(Api reader, Published at, String body) {
        return ok(reader.send("POST", at.comments(), json(Map.of("body", body))), 201);
    }

    static JsonNode reply(Api reader, Published at, String parent, String body) {
        return ok(reader.send("POST", at.comments(), json(Map.of("body", body, "parentId", parent))), 201);
    }

    static List<String> bodies(JsonNode page) {
        List<String> bodies = new ArrayList<>();
        page.path("items").forEach(item -> bodies.add(item.path("deleted").asBoolean() ? "(deleted)" : item.path("body").asString()));
        return bodies;
    }

    @Test
    void aReaderPostsAtMostTheLimitOfCommentsAndReviewsInAnyWindow() {
        Api author = newUser();
        Api ada = newUser();
        Api bram = newUser();
        Published at = publish(author, "The Limited Tide");
        DiscoveryProperties.PostingLimit comments = settings.commentLimit();
        assertThat(comments.count()).as("the default").isEqualTo(20);
        assertThat(comments.per()).isEqualTo(Duration.ofMinutes(10));

        String first = comment(ada, at, "Comment 1").path("id").asString();
        for (int i = 2; i <= comments.count(); i++) {
            comment(ada, at, "Comment " + i);
        }
        HttpResponse<String> refused = ada.send("POST", at.comments(), json(Map.of("body", "One too many")));
        JsonNode problem = problem(refused, 429, "too-many-posts");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, comments.per().toSeconds());
        assertThat(problem.path("retryAfter").asLong()).isEqualTo(retryAfter);
        assertThat(problem.path("limit").asInt()).isEqualTo(comments.count());
        problem(ada.send("POST", at.comments(), json(Map.of("body", "A reply too", "parentId", first))), 429, "too-many-posts");
        assertThat(bodies(ok(bram.send("GET", at.comments() + "?size=100", null), 200))).as("the refused are not posted")
                .hasSize(comments.count()).doesNotContain("One too many");
        comment(bram, at, "Another reader is not limited by Ada's posts");
        // a refused post is not counted, and an invalid one takes no place in the window
        problem(bram.send("POST", at.comments(), json(Map.of("body", "   "))), 400, "comment-empty");

        // the window slides: a minute before the first posts leave it, still refused, and told to wait at most that minute
        clock.advance(comments.per().minusMinutes(1));
        HttpResponse<String> stillRefused = ada.send("POST", at.comments(), json(Map.of("body", "Not yet")));
        problem(stillRefused, 429, "too-many-posts");
        assertThat(Long.parseLong(stillRefused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        clock.advance(Duration.ofMinutes(1));
        comment(ada, at, "Welcome back");

        // reviews: a rating with a review counts, one without does not
        DiscoveryProperties.PostingLimit reviews = settings.reviewLimit();
        String rating = "/api/v1/discover/books/" + at.book() + "/rating";
        for (int i = 1; i <= reviews.count(); i++) {
            ok(bram.send("PUT", rating, json(Map.of("overall", 4, "review", "Review number " + i))), 200);
        }
        HttpResponse<String> noMoreReviews = bram.send("PUT", rating, json(Map.of("overall", 5, "review", "Changed my mind")));
        problem(noMoreReviews, 429, "too-many-posts");
        assertThat(noMoreReviews.headers().firstValue("Retry-After")).isPresent();
        assertThat(ok(bram.send("GET", rating, null), 200).path("review").asString()).isEqualTo("Review number " + reviews.count());
        ok(bram.send("PUT", rating, json(Map.of("overall", 5))), 200);
        clock.advance(reviews.per());
        ok(bram.send("PUT", rating, json(Map.of("overall", 5, "review", "Changed my mind"))), 200);
    }

    @Test
    void readersCommentAndReplyOnAPublishedChapterInThreadsPagedByCursor() {
        Api author = newUser();
        Api ada = newUser();
        Api bram = newUser();
        identity.names.put(ada.user, "Ada Lovelace");
        Published at = publish(author, "The Comment Tide");

        JsonNode first = comment(ada, at, "  What a first line! @bram-s and @BRAM-S, and me@example.com is no mention.  ");
        assertThat(first.path("body").asString()).isEqualTo("What a first line! @bram-s and @BRAM-S, and me@example.com is no mention.");
        assertThat(first.path("authorName").asString()).isEqualTo("Ada Lovelace");
        assertThat(first.path("parentId").isNull()).isTrue();
        String firstId = first.path("id").asString();
        JsonNode answer = reply(bram, at, firstId, "Agreed.");
        assertThat(answer.path("parentId").asString()).isEqualTo(firstId);
        reply(ada, at, answer.path("id").asString(), "A reply to a reply.");

        CommentPosted asked = identity.posted.stream().filter(e -> e.commentId().toString().equals(firstId)).findFirst().orElseThrow();
        assertThat(asked.mentions()).as("once each as written, not an address").containsExactly("bram-s", "BRAM-S");
        assertThat(asked.bookAuthor().value()).isEqualTo(author.user);
        assertThat(asked.parentId()).isNull();
        assertThat(asked.bookTitle()).isEqualTo("The Comment Tide");
        CommentPosted replied = identity.posted.stream().filter(e -> e.commentId().toString().equals(answer.path("id").asString())).findFirst()
                .orElseThrow();
        assertThat(replied.parentId().toString()).isEqualTo(firstId);
        assertThat(replied.parentAuthor().value()).isEqualTo(ada.user);
        assertThat(replied.author().value()).isEqualTo(bram.user);

        for (int i = 2; i <= 5; i++) {
            comment(bram, at, "Comment " + i);
        }
        Api anyone = Api.anonymous(port);
        JsonNode page1 = ok(anyone.send("GET", at.comments() + "?size=2", null), 200);
        assertThat(bodies(page1)).containsExactly(first.path("body").asString(), "Comment 2");
        assertThat(page1.path("items").get(0).path("replies").asLong()).isEqualTo(1);
        JsonNode page2 = ok(anyone.send("GET", at.comments() + "?size=2&cursor=" + page1.path("nextCursor").asString(), null), 200);
        assertThat(bodies(page2)).containsExactly("Comment 3", "Comment 4");
        JsonNode page3 = ok(anyone.send("GET", at.comments() + "?size=2&cursor=" + page2.path("nextCursor").asString(), null), 200);
        assertThat(bodies(page3)).containsExactly("Comment 5");
        assertThat(page3.path("nextCursor").isNull()).isTrue();
        assertThat(bodies(ok(anyone.send("GET", at.comments() + "?parentId=" + firstId, null), 200))).containsExactly("Agreed.");
        assertThat(ok(anyone.send("GET", "/api/v1/discover/comments/" + firstId, null), 200).path("replies").asLong()).isEqualTo(1);

        String draft = ok(author.send("POST", "/api/v1/books", json(Map.of("title", "Draft"))), 201).path("id").asString();
        problem(ada.send("GET", "/api/v1/discover/books/" + draft + "/chapters/" + at.chapter() + "/comments", null), 404, "book-not-found");
        problem(ada.send("POST", "/api/v1/discover/books/" + draft + "/chapters/" + at.chapter() + "/comments",
                json(Map.of("body", "Hello"))), 404, "book-not-found");
        problem(ada.send("POST", "/api/v1/discover/books/" + at.book() + "/chapters/" + UUID.randomUUID() + "/comments",
                json(Map.of("body", "Hello"))), 404, "chapter-not-found");
        Published elsewhere = publish(author, "Another Tide");
        problem(ada.send("POST", elsewhere.comments(), json(Map.of("body", "Wrong thread", "parentId", firstId))), 404, "comment-not-found");
        problem(ada.send("POST", at.comments(), json(Map.of("body", "   "))), 400, "comment-empty");
        problem(ada.send("POST", at.comments(), json(Map.of("body", "x".repeat(5_001)))), 400, "validation-failed");
        assertThat(anyone.send("POST", at.comments(), json(Map.of("body", "Anonymous"))).statusCode()).isEqualTo(401);
        problem(anyone.send("GET", at.comments() + "?cursor=not-a-cursor", null), 400, "invalid-cursor");
        problem(anyone.send("GET", at.comments() + "?size=0", null), 400, "invalid-page-size");

        ok(author.send("POST", "/api/v1/books/" + at.book() + "/unpublish", null), 200);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (anyone.send("GET", at.comments(), null).statusCode() != 404) {
            assertThat(System.nanoTime()).as("an unpublished book's comments are gone").isLessThan(deadline);
            sleep();
        }
        problem(ada.send("GET", "/api/v1/discover/comments/" + firstId, null), 404, "comment-not-found");
    }

    @Test
    void onlyItsAuthorEditsOrDeletesACommentAndADeletedOneWithRepliesStaysAsATombstone() {
        Api author = newUser();
        Api ada = newUser();
        Api bram = newUser();
        Published at = publish(author, "The Edited Tide");
        String first = comment(ada, at, "Frist!").path("id").asString();
        String lone = comment(ada, at, "Nobody answers this.").path("id").asString();
        String answer = reply(bram, at, first, "You mean first.").path("id").asString();

        JsonNode edited = ok(ada.send("PATCH", "/api/v1/discover/comments/" + first, json(Map.of("body", "First!"))), 200);
        assertThat(edited.path("body").asString()).isEqualTo("First!");
        assertThat(edited.path("edited").asBoolean()).isTrue();
        problem(bram.send("PATCH", "/api/v1/discover/comments/" + first, json(Map.of("body", "Mine now"))), 403, "not-your-comment");
        problem(author.send("DELETE", "/api/v1/discover/comments/" + first, null), 403, "not-your-comment");
        assertThat(identity.posted.stream().filter(e -> e.commentId().toString().equals(first))).as("an edit tells no one").hasSize(1);

        ok(ada.send("DELETE", "/api/v1/discover/comments/" + first, null), 204);
        ok(ada.send("DELETE", "/api/v1/discover/comments/" + lone, null), 204);
        JsonNode page = bram.get(at.comments());
        assertThat(bodies(page)).as("the answered one is a tombstone, the other gone").containsExactly("(deleted)");
        JsonNode tombstone = page.path("items").get(0);
        assertThat(tombstone.path("authorId").isNull()).isTrue();
        assertThat(tombstone.path("body").isNull()).isTrue();
        assertThat(tombstone.path("replies").asLong()).isEqualTo(1);
        problem(ada.send("PATCH", "/api/v1/discover/comments/" + first, json(Map.of("body", "Back"))), 404, "comment-not-found");
        problem(ada.send("POST", at.comments(), json(Map.of("body", "To a tombstone", "parentId", first))), 409, "comment-deleted");
        problem(ada.send("DELETE", "/api/v1/discover/comments/" + lone, null), 404, "comment-not-found");

        ok(bram.send("DELETE", "/api/v1/discover/comments/" + answer, null), 204);
        assertThat(bodies(bram.get(at.comments()))).as("the tombstone goes with its last reply").isEmpty();
        problem(bram.send("GET", "/api/v1/discover/comments/" + first, null), 404, "comment-not-found");
    }

    @Test
    void theBooksAuthorOrAnAdminHidesACommentFromEveryoneButThemAndItsAuthor() {
        Api author = newUser();
        Api ada = newUser();
        Api bram = newUser();
        Api admin = newUser("ADMIN");
        Published at = publish(author, "The Hidden Tide");
        String rude = comment(ada, at, "Rude words.").path("id").asString();
        String answer = reply(bram, at, rude, "Steady on.").path("id").asString();
        comment(bram, at, "A kind word.");

        problem(bram.send("PUT", "/api/v1/discover/comments/" + rude + "/hidden", null), 403, "not-moderator");
        problem(ada.send("PUT", "/api/v1/discover/comments/" + rude + "/hidden", null), 403, "not-moderator");
        assertThat(ok(author.send("PUT", "/api/v1/discover/comments/" + rude + "/hidden", null), 200).path("hidden").asBoolean()).isTrue();

        assertThat(bodies(Api.anonymous(port).get(at.comments()))).containsExactly("A kind word.");
        assertThat(bodies(bram.get(at.comments()))).containsExactly("A kind word.");
        problem(bram.send("GET", at.comments() + "?parentId=" + rude, null), 404, "comment-not-found");
        problem(bram.send("GET", "/api/v1/discover/comments/" + rude, null), 404, "comment-not-found");
        assertThat(ok(bram.send("GET", "/api/v1/discover/comments/" + answer, null), 200).path("body").asString())
                .as("a reply's own link still opens for its author").isEqualTo("Steady on.");
        problem(bram.send("POST", at.comments(), json(Map.of("body", "Still here?", "parentId", rude))), 404, "comment-not-found");
        assertThat(bodies(ada.get(at.comments()))).as("its author still sees it").containsExactly("Rude words.", "A kind word.");
        JsonNode asAuthor = author.get(at.comments());
        assertThat(bodies(asAuthor)).containsExactly("Rude words.", "A kind word.");
        assertThat(asAuthor.path("items").get(0).path("hidden").asBoolean()).isTrue();

        assertThat(ok(admin.send("DELETE", "/api/v1/discover/comments/" + rude + "/hidden", null), 200).path("hidden").asBoolean()).isFalse();
        assertThat(bodies(bram.get(at.comments()))).containsExactly("Rude words.", "A kind word.");
    }

    @Test
    void readersReportCommentsAndReviewsAndAdminsResolveOrDismissThemFromTheQueue() {
        Api author = newUser();
        Api ada = newUser();
        Api bram = newUser();
        Api cleo = newUser();
        Api admin = newUser("ADMIN");
        Published at = publish(author, "The Reported Tide");
        String spam = comment(ada, at, "Buy cheap tides at example.com").path("id").asString();
        ok(ada.send("PUT", "/api/v1/discover/books/" + at.book() + "/rating", json(Map.of("overall", 1, "review", "Spoiler: the tide wins."))), 200);

        String reports = "/api/v1/discover/comments/" + spam + "/reports";
        {
            JsonNode filed = ok(bram.send("POST", reports, json(Map.of("reason", "spam", "note", "  An advert.  "))), 201);
            assertThat(filed.path("status").asString()).isEqualTo("open");
            assertThat(filed.path("kind").asString()).isEqualTo("comment");
            assertThat(filed.path("reportedText").asString()).isEqualTo("Buy cheap tides at example.com");
            assertThat(filed.path("note").asString()).isEqualTo("An advert.");
            assertThat(filed.path("offenderId").asString()).isEqualTo(ada.user.toString());
            JsonNode again = ok(bram.send("POST", reports, json(Map.of("reason", "other"))), 200);
            assertThat(again.path("id").asString()).as("one open report per reader and comment").isEqualTo(filed.path("id").asString());
        }
        ok(cleo.send("POST", reports, json(Map.of("reason", "spam"))), 201);
        problem(ada.send("POST", reports, json(Map.of("reason", "spam"))), 403, "own-content");
        problem(bram.send("POST", reports, json(Map.of("reason", "boring"))), 400, "invalid-reason");
        problem(bram.send("POST", reports, json(Map.of("reason", "spam", "note", "n".repeat(2_001)))), 400, "validation-failed");
        String review = "/api/v1/discover/books/" + at.book() + "/reviews/" + ada.user + "/reports";
        String reviewReport = ok(bram.send("POST", review, json(Map.of("reason", "spoiler"))), 201).path("id").asString();
        problem(bram.send("POST", "/api/v1/discover/books/" + at.book() + "/reviews/" + cleo.user + "/reports",
                json(Map.of("reason", "spoiler"))), 404, "review-not-found");

        problem(bram.send("GET", "/api/v1/discover/moderation/reports", null), 403, "admin-only");
        problem(author.send("POST", "/api/v1/discover/moderation/reports/" + reviewReport + "/dismiss", null), 403, "admin-only");
        JsonNode queue = admin.get("/api/v1/discover/moderation/reports?status=open&size=100");
        List<String> mine = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        queue.path("items").forEach(r -> {
            if (r.path("bookId").asString().equals(at.book())) {
                mine.add(r.path("kind").asString() + ":" + r.path("reason").asString());
                ids.putIfAbsent(r.path("kind").asString(), r.path("id").asString());
            }
        });
        assertThat(mine).containsExactly("comment:spam", "comment:spam", "review:spoiler");
        problem(admin.send("GET", "/api/v1/discover/moderation/reports?status=maybe", null), 400, "invalid-status");

        JsonNode resolved = ok(admin.send("POST", "/api/v1/discover/moderation/reports/" + ids.get("comment") + "/resolve",
                json(Map.of("hide", true))), 200);
        assertThat(resolved.path("status").asString()).isEqualTo("resolved");
        assertThat(resolved.path("hid").asBoolean()).isTrue();
        assertThat(resolved.path("decidedBy").asString()).isEqualTo(admin.user.toString());
        assertThat(bodies(bram.get(at.comments()))).as("hidden by the resolution").isEmpty();
        long stillOpen = countFor(admin.get("/api/v1/discover/moderation/reports?size=100"), at.book());
        assertThat(stillOpen).as("both reports of the comment settled, the review's left").isEqualTo(1);
        assertThat(countFor(admin.get("/api/v1/discover/moderation/reports?status=resolved&size=100"), at.book())).isEqualTo(2);
        problem(admin.send("POST", "/api/v1/discover/moderation/reports/" + ids.get("comment") + "/dismiss", null), 409, "report-settled");

        assertThat(ok(admin.send("POST", "/api/v1/discover/moderation/reports/" + reviewReport + "/dismiss", null), 200)
                .path("status").asString()).isEqualTo("dismissed");
        assertThat(countFor(admin.get("/api/v1/discover/moderation/reports?status=dismissed&size=100"), at.book())).isEqualTo(1);
        assertThat(Api.anonymous(port).get("/api/v1/discover/books/" + at.book() + "/reviews").path("reviews").path("total").asLong())
                .as("a dismissed report leaves the review shown").isEqualTo(1);

        String second = ok(cleo.send("POST", review, json(Map.of("reason", "spoiler"))), 201).path("id").asString();
        ok(admin.send("POST", "/api/v1/discover/moderation/reports/" + second + "/resolve", json(Map.of("hide", true))), 200);
        JsonNode reviews = Api.anonymous(port).get("/api/v1/discover/books/" + at.book() + "/reviews");
        assertThat(reviews.path("reviews").path("total").asLong()).as("a hidden review leaves the list").isZero();
        assertThat(reviews.path("summary").path("ratings").asLong()).as("its rating still counts").isEqualTo(1);
        problem(admin.send("POST", "/api/v1/discover/moderation/reports/" + UUID.randomUUID() + "/resolve", null), 404, "report-not-found");
    }

    @Test
    void aReaderSeesNoCommentOfSomeoneInABlockWithThemAndCannotAnswerThem() {
        Api author = newUser();
        Api ada = newUser();
        Api troll = newUser();
        Published at = publish(author, "The Blocked Tide");
        String adas = comment(ada, at, "A thoughtful comment.").path("id").asString();
        String trolls = comment(troll, at, "A troll's comment.").path("id").asString();
        identity.blocks.add(List.of(ada.user, troll.user));

        assertThat(bodies(ada.get(at.comments()))).containsExactly("A thoughtful comment.");
        assertThat(bodies(troll.get(at.comments()))).as("either way").containsExactly("A troll's comment.");
        assertThat(bodies(author.get(at.comments()))).containsExactly("A thoughtful comment.", "A troll's comment.");
        problem(ada.send("GET", "/api/v1/discover/comments/" + trolls, null), 404, "comment-not-found");
        problem(troll.send("POST", at.comments(), json(Map.of("body", "Listen to me", "parentId", adas))), 404, "comment-not-found");
        problem(ada.send("POST", at.comments(), json(Map.of("body", "No", "parentId", trolls))), 404, "comment-not-found");
        String open = comment(author, at, "Thanks for reading.").path("id").asString();
        reply(troll, at, open, "You're welcome.");
        assertThat(bodies(ada.get(at.comments() + "?parentId=" + open))).as("the troll's reply is left out for Ada").isEmpty();
    }

    private static long countFor(JsonNode page, String book) {
        long count = 0;
        for (JsonNode report : page.path("items")) {
            if (report.path("bookId").asString().equals(book)) {
                count++;
            }
        }
        return count;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

}
