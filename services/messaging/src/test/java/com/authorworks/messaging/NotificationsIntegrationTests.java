package com.authorworks.messaging;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookGenerationCompleted;
import com.authorworks.content.BookGenerationFailed;
import com.authorworks.content.BookId;
import com.authorworks.content.GenerationJobId;
import com.authorworks.platform.UserId;

import tools.jackson.databind.JsonNode;

/**
 * Messaging end to end over real HTTP and a real WebSocket: content's events (a real generation, a real
 * publication) become notifications through the event registry, users read and delete theirs, and live
 * clients get them at once, or on reconnect what they missed.
 */
@Timeout(180)
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=content,storage,messaging", "authorworks.messaging.heartbeat=1s",
                "authorworks.messaging.auth-timeout=2s"})
class NotificationsIntegrationTests {

    static final Path DATA = createData();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient db;

    Api newUser(String... roles) {
        return Api.newUser(port, roles);
    }

    /** An admin sends {@code user} a notification; returns it as the API answered. */
    JsonNode announce(Api user, String title) {
        Api admin = newUser("ADMIN");
        return ok(admin.send("POST", "/api/v1/notifications", json(Map.of("userId", user.user.toString(), "title", title,
                "body", "From the admins.", "link", "/discover"))), 201);
    }

    static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }

    // --- producers: content's events -----------------------------------------------------------

    @Test
    void aFinishedGenerationNotifiesItsAuthorOnceThoughTheEventIsDeliveredAgain() {
        Api author = newUser();
        String book = ok(author.send("POST", "/api/v1/books/generate", json(Map.of("title", "The Salt Road",
                "braindump", "A smuggler and a customs officer fall for each other on the salt marshes.", "format", "short-story",
                "targetWords", 9000, "chapters", 3, "provider", "sample", "model", "sample-writer"))), 202).path("bookId").asString();

        JsonNode page = eventually("the author's notification", () -> author.get("/api/v1/notifications"),
                p -> p.path("items").size() == 1);
        JsonNode finished = page.path("items").get(0);
        assertThat(finished.path("type").asString()).isEqualTo("generation-finished");
        assertThat(finished.path("title").asString()).isEqualTo("“The Salt Road” is written");
        assertThat(finished.path("link").asString()).isEqualTo("/books/" + book);
        assertThat(finished.path("unread").asBoolean()).isTrue();
        assertThat(finished.path("data").path("bookId").asString()).isEqualTo(book);
        assertThat(page.path("unread").asLong()).isEqualTo(1);

        // the registry hands the same event again (after a crash, a failed listener): still one notification
        BookGenerationCompleted again = new BookGenerationCompleted(new BookId(UUID.fromString(book)), new UserId(author.user),
                new GenerationJobId(UUID.fromString(finished.path("data").path("jobId").asString())), "The Salt Road");
        transactions.executeWithoutResult(tx -> events.publishEvent(again));
        // a later generation of the same book is news again
        transactions.executeWithoutResult(tx -> events.publishEvent(new BookGenerationFailed(again.bookId(), again.userId(),
                new GenerationJobId(UUID.randomUUID()), "The Salt Road", "The openai rate limit held after retries.")));
        JsonNode after = eventually("the failure's notification", () -> author.get("/api/v1/notifications"),
                p -> p.path("items").size() >= 2);
        eventually("every publication to be handled", this::incompletePublications, count -> count == 0);
        after = author.get("/api/v1/notifications");
        assertThat(after.path("items")).hasSize(2);
        JsonNode failed = after.path("items").get(0);
        assertThat(failed.path("type").asString()).isEqualTo("generation-failed");
        assertThat(failed.path("body").asString()).startsWith("The openai rate limit held after retries.");
        assertThat(Long.parseLong(failed.path("cursor").asString())).isEqualTo(Long.parseLong(finished.path("cursor").asString()) + 1);
    }

    @Test
    void aFollowAndEachRatingOfABookNotifyItsAuthorOnceEachThoughDeliveredAgain() {
        Api author = newUser();
        BookId book = new BookId(UUID.randomUUID());
        UserId reader = new UserId(UUID.randomUUID());
        var followed = new com.authorworks.discovery.BookFollowed(book, reader, new UserId(author.user), "The Salt Road");
        var rated = new com.authorworks.discovery.BookRated(book, reader, new UserId(author.user), "The Salt Road", 4, true, 1);
        var rerated = new com.authorworks.discovery.BookRated(book, reader, new UserId(author.user), "The Salt Road", 5, false, 2);
        // each once, then the first two again as the registry would redeliver them (not in flight together with
        // the first: the registry marks a publication done by its event and listener, so two identical ones at once can
        // leave a row behind until resubmission); these handled (other tests' events may still be pending)
        for (List<Object> round : List.of(List.<Object>of(followed, rated, rerated), List.<Object>of(followed, rated))) {
            for (Object event : round) {
                transactions.executeWithoutResult(tx -> events.publishEvent(event));
            }
            eventually("the book's publications to be handled", () -> db.sql(
                    "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL AND serialized_event LIKE :book")
                    .param("book", "%" + book + "%").query(Long.class).single(), count -> count == 0);
        }
        JsonNode items = author.get("/api/v1/notifications").path("items");
        // the listeners run apart, so the three may be filed in any order
        List<String> seen = new java.util.ArrayList<>();
        items.forEach(n -> seen.add(n.path("type").asString() + " | " + n.path("title").asString() + " | " + n.path("body").asString()));
        assertThat(seen).containsExactlyInAnyOrder(
                "new-follower | A new follower for “The Salt Road” | A reader follows your book now and will hear of its new chapters.",
                "new-rating | A review of “The Salt Road” | A reader gave it 4 of 5 and wrote a review.",
                "new-rating | A rating for “The Salt Road” | A reader gave it 5 of 5.");
        assertThat(items.get(0).path("link").asString()).isEqualTo("/books/" + book);
    }

    @Test
    void aNewChapterOfAFollowedBookNotifiesEachFollowerOnceAsTheirPreferencesSay() {
        Api follower = newUser();
        Api quiet = newUser();
        ok(quiet.send("PUT", "/api/v1/notifications/preferences", json(Map.of("channels", Map.of("new-chapter", "none")))), 200);
        BookId book = new BookId(UUID.randomUUID());
        var chapter = new com.authorworks.content.ChapterId(UUID.randomUUID());
        var updated = new com.authorworks.discovery.FollowedBookUpdated(book, new UserId(UUID.randomUUID()), "The Salt Road", chapter, 7,
                "The Marsh", Instant.parse("2026-12-03T10:00:00Z"), List.of(new UserId(follower.user), new UserId(quiet.user)));
        for (int round = 0; round < 2; round++) {
            transactions.executeWithoutResult(tx -> events.publishEvent(updated));
            eventually("the update to be handled", () -> db.sql(
                    "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL AND serialized_event LIKE :book")
                    .param("book", "%" + book + "%").query(Long.class).single(), count -> count == 0);
        }
        JsonNode items = follower.get("/api/v1/notifications").path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("type").asString()).isEqualTo("new-chapter");
        assertThat(items.get(0).path("title").asString()).isEqualTo("A new chapter of “The Salt Road”");
        assertThat(items.get(0).path("body").asString()).isEqualTo("Chapter 7: The Marsh is out.");
        assertThat(items.get(0).path("link").asString()).isEqualTo("/books/" + book + "/read");
        assertThat(items.get(0).path("data").path("chapterId").asString()).isEqualTo(chapter.toString());
        assertThat(quiet.get("/api/v1/notifications").path("items")).as("who turned new chapters off").isEmpty();
        assertThat(follower.get("/api/v1/notifications/preferences").path("defaults").path("new-chapter").asString()).isEqualTo("in-app");
    }

    @Test
    void aNewMemberAndATipNotifyTheCreatorAndAFailedPaymentTheFanOnceEachThoughDeliveredAgain() {
        Api creator = newUser();
        Api fan = newUser();
        UserId creatorId = new UserId(creator.user);
        UserId fanId = new UserId(fan.user);
        var subscription = new com.authorworks.subscriptions.SubscriptionId(UUID.randomUUID());
        var tier = new com.authorworks.subscriptions.TierId(UUID.randomUUID());
        Instant joined = Instant.parse("2026-11-03T09:00:00Z");
        var started = new com.authorworks.subscriptions.MembershipStarted(subscription, fanId, creatorId, tier, "Lighthouse keepers",
                "monthly", 1200, "USD", joined);
        var failed = new com.authorworks.subscriptions.MembershipPaymentFailed(subscription, fanId, creatorId, tier, "Lighthouse keepers",
                1200, "USD", 1, Instant.parse("2026-12-04T09:00:00Z"), false, Instant.parse("2026-12-03T09:00:00Z"));
        var ended = new com.authorworks.subscriptions.MembershipPaymentFailed(subscription, fanId, creatorId, tier, "Lighthouse keepers",
                1200, "USD", 4, null, true, Instant.parse("2026-12-14T09:00:00Z"));
        var tip = new com.authorworks.subscriptions.TipReceived(new com.authorworks.subscriptions.TipId(UUID.randomUUID()), fanId, creatorId,
                2500, "EUR", "For the lighthouse chapter.", joined);
        // each once, then each again as the registry would redeliver it (not both at once: the registry marks a
        // publication done by its event and listener, so two identical ones in flight together can leave one row behind)
        for (int round = 0; round < 2; round++) {
            for (Object event : List.of(started, failed, ended, tip)) {
                transactions.executeWithoutResult(tx -> events.publishEvent(event));
            }
            eventually("the four publications to be handled", () -> db.sql(
                    "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL AND serialized_event LIKE :fan")
                    .param("fan", "%" + fan.user + "%").query(Long.class).single(), count -> count == 0);
        }
        List<String> toCreator = new ArrayList<>();
        creator.get("/api/v1/notifications").path("items").forEach(n -> toCreator.add(
                n.path("type").asString() + " | " + n.path("title").asString() + " | " + n.path("body").asString()));
        assertThat(toCreator).containsExactlyInAnyOrder(
                "new-subscriber | A new member of “Lighthouse keepers” | A fan joined at 12.00 USD a month.",
                "tip-received | A tip of 25.00 EUR | A fan sent you a tip with a message: “For the lighthouse chapter.”");
        List<String> toFan = new ArrayList<>();
        JsonNode fans = fan.get("/api/v1/notifications").path("items");
        fans.forEach(n -> toFan.add(n.path("type").asString() + " | " + n.path("title").asString() + " | " + n.path("body").asString()));
        assertThat(toFan).containsExactlyInAnyOrder(
                "payment-failed | Your payment for “Lighthouse keepers” failed | We could not charge 12.00 USD for your membership. "
                        + "It will be tried again on 4 December 2026; you keep access meanwhile. Change your card to keep your membership.",
                "payment-failed | Your “Lighthouse keepers” membership has ended | The last try to charge 12.00 USD failed, so your "
                        + "membership has ended. Join the tier again whenever you like.");
        assertThat(fans.get(0).path("data").path("subscriptionId").asString()).isEqualTo(subscription.toString());
        assertThat(fans.get(0).path("data").path("creatorId").asString()).isEqualTo(creator.user.toString());
        JsonNode defaults = fan.get("/api/v1/notifications/preferences").path("defaults");
        assertThat(defaults.path("payment-failed").asString()).as("the fan has to act: by mail").isEqualTo("email");
        assertThat(defaults.path("new-subscriber").asString()).isEqualTo("in-app");
        assertThat(defaults.path("tip-received").asString()).isEqualTo("in-app");
    }

    long incompletePublications() {
        return db.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL").query(Long.class).single();
    }

    @Test
    void publishingABookNotifiesItsAuthorOncePerPublicationNotPerListingChange() {
        Api author = newUser();
        String book = ok(author.send("POST", "/api/v1/books", json(Map.of("title", "Tide Tables"))), 201).path("id").asString();
        ok(author.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201);
        ok(author.send("POST", "/api/v1/books/" + book + "/publish", null), 200);
        eventually("the publication's notification", () -> titles(author.get("/api/v1/notifications")),
                titles -> titles.equals(List.of("“Tide Tables” is published")));

        // content announces the new listing of a published book again: no news for the author
        ok(author.send("PATCH", "/api/v1/books/" + book + "/publication", json(Map.of("blurb", "The sea keeps time."))), 200);
        ok(author.send("POST", "/api/v1/books/" + book + "/unpublish", null), 200);
        ok(author.send("POST", "/api/v1/books/" + book + "/publish", null), 200);
        eventually("the second publication's notification", () -> titles(author.get("/api/v1/notifications")),
                titles -> titles.size() == 2);
        eventually("every publication to be handled", this::incompletePublications, count -> count == 0);
        assertThat(author.get("/api/v1/notifications").path("items")).hasSize(2);
        assertThat(author.get("/api/v1/notifications").path("items").get(0).path("type").asString()).isEqualTo("book-published");
    }

    // --- the inbox ---------------------------------------------------------------------------------

    @Test
    void aUserReadsPagesMarksAndDeletesTheirOwnNotificationsAndNobodyElses() {
        Api reader = newUser();
        Api stranger = newUser();
        for (int i = 1; i <= 5; i++) {
            announce(reader, "Notice " + i);
        }
        JsonNode first = reader.get("/api/v1/notifications?size=2");
        assertThat(titles(first)).containsExactly("Notice 5", "Notice 4");
        assertThat(first.path("unread").asLong()).isEqualTo(5);
        JsonNode second = reader.get("/api/v1/notifications?size=2&cursor=" + first.path("nextCursor").asString());
        assertThat(titles(second)).containsExactly("Notice 3", "Notice 2");
        JsonNode last = reader.get("/api/v1/notifications?size=2&cursor=" + second.path("nextCursor").asString());
        assertThat(titles(last)).containsExactly("Notice 1");
        assertThat(last.path("nextCursor").isMissingNode() || last.path("nextCursor").isNull()).isTrue();

        String fifth = first.path("items").get(0).path("id").asString();
        String fourth = first.path("items").get(1).path("id").asString();
        JsonNode read = reader.post("/api/v1/notifications/" + fifth + "/read", null);
        assertThat(read.path("unread").asBoolean()).isFalse();
        assertThat(read.path("readAt").asString()).isNotEmpty();
        assertThat(reader.get("/api/v1/notifications/unread-count").path("unread").asLong()).isEqualTo(4);
        assertThat(titles(reader.get("/api/v1/notifications?unread=true"))).containsExactly("Notice 4", "Notice 3", "Notice 2", "Notice 1");
        assertThat(ok(reader.send("DELETE", "/api/v1/notifications/" + fifth + "/read", null), 200).path("unread").asBoolean()).isTrue();
        assertThat(reader.get("/api/v1/notifications/unread-count").path("unread").asLong()).isEqualTo(5);

        // another user's notification does not exist for the stranger, and the stranger changes nothing
        for (String[] call : new String[][] {{"GET", ""}, {"POST", "/read"}, {"DELETE", "/read"}, {"DELETE", ""}}) {
            problem(stranger.send(call[0], "/api/v1/notifications/" + fifth + call[1], null), 404, "notification-not-found");
        }
        assertThat(reader.get("/api/v1/notifications/unread-count").path("unread").asLong()).isEqualTo(5);
        assertThat(stranger.get("/api/v1/notifications").path("items")).isEmpty();

        // read all up to what the client showed leaves a newer one unread
        String shown = reader.get("/api/v1/notifications?size=1").path("items").get(0).path("cursor").asString();
        announce(reader, "Notice 6");
        JsonNode marked = reader.post("/api/v1/notifications/read-all?upTo=" + shown, null);
        assertThat(marked.path("marked").asInt()).isEqualTo(5);
        assertThat(marked.path("unread").asLong()).isEqualTo(1);

        assertThat(reader.send("DELETE", "/api/v1/notifications/" + fourth, null).statusCode()).isEqualTo(204);
        problem(reader.send("GET", "/api/v1/notifications/" + fourth, null), 404, "notification-not-found");
        assertThat(titles(reader.get("/api/v1/notifications"))).containsExactly("Notice 6", "Notice 5", "Notice 3", "Notice 2", "Notice 1");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Api user = newUser();
        problem(user.send("GET", "/api/v1/notifications?cursor=abc", null), 400, "invalid-cursor");
        problem(user.send("GET", "/api/v1/notifications?cursor=-1", null), 400, "invalid-cursor");
        problem(user.send("GET", "/api/v1/notifications?size=0", null), 400, "invalid-page-size");
        problem(user.send("GET", "/api/v1/notifications?size=101", null), 400, "invalid-page-size");
        problem(user.send("GET", "/api/v1/notifications?unread=maybe", null), 400, "invalid-parameter");
        problem(user.send("POST", "/api/v1/notifications/read-all?upTo=x", null), 400, "invalid-cursor");
        problem(user.send("GET", "/api/v1/notifications/not-an-id", null), 404, "notification-not-found");
        problem(user.send("POST", "/api/v1/notifications/" + UUID.randomUUID() + "/read", null), 404, "notification-not-found");
        problem(user.send("GET", "/api/v1/notifications/stream", null, "Last-Event-ID", "12x", "Accept", "text/event-stream"), 400,
                "invalid-last-event-id");
        problem(Api.anonymous(port).send("GET", "/api/v1/notifications", null), 401, "authentication-required");

        // sending is for admins; a plain user is refused before anything is looked at
        problem(user.send("POST", "/api/v1/notifications", json(Map.of("userId", user.user.toString(), "title", "Hi"))), 403,
                "admin-only");
        Api admin = newUser("ADMIN");
        Map<String, Object> good = new HashMap<>(Map.of("userId", user.user.toString(), "title", "Maintenance tonight"));
        problem(admin.send("POST", "/api/v1/notifications", json(Map.of("title", "x"))), 400, "validation-failed");
        problem(admin.send("POST", "/api/v1/notifications", json(with(good, "userId", "nobody"))), 400, "invalid-user-id");
        problem(admin.send("POST", "/api/v1/notifications", json(with(good, "title", " "))), 400, "validation-failed");
        problem(admin.send("POST", "/api/v1/notifications", json(with(good, "title", "x".repeat(201)))), 400, "validation-failed");
        problem(admin.send("POST", "/api/v1/notifications", json(with(good, "link", "https://evil.example/"))), 400, "invalid-link");
        problem(admin.send("POST", "/api/v1/notifications", json(with(good, "link", "//evil.example/"))), 400, "invalid-link");
        problem(admin.send("POST", "/api/v1/notifications", "{\"userId\": [1]}"), 400, "malformed-body");
        problem(admin.send("POST", "/api/v1/notifications", "{\"userId\":"), 400, "malformed-body");

        // a key makes a send idempotent
        JsonNode sent = ok(admin.send("POST", "/api/v1/notifications", json(with(good, "key", "maintenance-1"))), 201);
        assertThat(sent.path("type").asString()).isEqualTo("announcement");
        problem(admin.send("POST", "/api/v1/notifications", json(with(good, "key", "maintenance-1"))), 409, "already-sent");
        assertThat(titles(user.get("/api/v1/notifications"))).containsExactly("Maintenance tonight");
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.put(key, value);
        return changed;
    }

    // --- live: WebSocket ---------------------------------------------------------------------------

    @Test
    void aSocketAuthenticatedByItsFirstMessageGetsNotificationsLiveAndHeartbeats() {
        Api user = newUser();
        announce(user, "Before");
        LiveClient live = LiveClient.connect(port);
        live.send(Map.of("type", "auth", "token", user.token));
        JsonNode ready = live.next();
        assertThat(ready.path("type").asString()).isEqualTo("ready");
        assertThat(ready.path("cursor").asString()).isEqualTo("1");
        assertThat(ready.path("unread").asLong()).isEqualTo(1);

        long sent = System.nanoTime();
        announce(user, "Live one");
        JsonNode frame = live.next("notification");
        System.out.printf("WS delivery after the send answered: %d ms%n", (System.nanoTime() - sent) / 1_000_000);
        assertThat(frame.path("notification").path("title").asString()).isEqualTo("Live one");
        assertThat(frame.path("notification").path("cursor").asString()).isEqualTo("2");
        assertThat(live.next("unread").path("count").asLong()).isEqualTo(2);

        // reading it elsewhere (another tab, the API) updates the count here
        user.post("/api/v1/notifications/" + frame.path("notification").path("id").asString() + "/read", null);
        assertThat(live.next("unread").path("count").asLong()).isEqualTo(1);

        assertThat(live.next("ping").path("type").asString()).isEqualTo("ping");
        live.send(Map.of("type", "ping"));
        assertThat(live.next("pong").path("type").asString()).isEqualTo("pong");

        // someone else's notification never reaches this socket
        announce(newUser(), "Not yours");
        announce(user, "Yours");
        assertThat(live.next("notification").path("notification").path("title").asString()).isEqualTo("Yours");
        live.close();
    }

    @Test
    void anOfflineClientGetsWhatItMissedOnReconnectInOrderAndNothingTwice() {
        Api user = newUser();
        LiveClient first = LiveClient.connect(port);
        first.send(Map.of("type", "auth", "token", user.token));
        first.next("ready");
        announce(user, "One");
        String cursor = first.next("notification").path("notification").path("cursor").asString();
        first.close();
        first.closeCode();

        announce(user, "Two");
        announce(user, "Three");
        LiveClient again = LiveClient.connect(port);
        again.send(Map.of("type", "auth", "token", user.token, "after", cursor));
        assertThat(again.next("ready").path("cursor").asString()).isEqualTo(cursor);
        assertThat(again.next("notification").path("notification").path("title").asString()).isEqualTo("Two");
        assertThat(again.next("notification").path("notification").path("title").asString()).isEqualTo("Three");
        announce(user, "Four");
        assertThat(again.next("notification").path("notification").path("title").asString()).isEqualTo("Four");
        again.close();

        // from the start: everything, oldest first
        LiveClient fresh = LiveClient.connect(port);
        fresh.send(Map.of("type", "auth", "token", user.token, "after", "0"));
        List<String> replayed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replayed.add(fresh.next("notification").path("notification").path("title").asString());
        }
        assertThat(replayed).containsExactly("One", "Two", "Three", "Four");
        fresh.close();
    }

    @Test
    void aSocketWithoutAValidTokenInItsFirstMessageIsClosed() {
        Api user = newUser();
        LiveClient silent = LiveClient.connect(port);
        assertThat(silent.closeCode()).as("no auth within the timeout").isEqualTo(4401);

        // a token in the address is not looked at
        LiveClient inQuery = LiveClient.connect(port, "?access_token=" + user.token);
        inQuery.send(Map.of("type", "ping"));
        assertThat(inQuery.closeCode()).isEqualTo(4401);

        LiveClient forged = LiveClient.connect(port);
        forged.send(Map.of("type", "auth", "token", "not.a.token"));
        assertThat(forged.closeCode()).isEqualTo(4401);

        LiveClient garbled = LiveClient.connect(port);
        garbled.socket.sendText("{not json", true).join();
        assertThat(garbled.closeCode()).isEqualTo(4400);

        LiveClient badCursor = LiveClient.connect(port);
        badCursor.send(Map.of("type", "auth", "token", user.token, "after", "-3"));
        assertThat(badCursor.closeCode()).isEqualTo(4400);
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpires() {
        UUID user = UUID.randomUUID();
        String shortLived = com.authorworks.platform.testing.TestAccessTokens.token(user, List.of("CREATOR"),
                java.time.Instant.now().plusSeconds(3));
        LiveClient live = LiveClient.connect(port);
        live.send(Map.of("type", "auth", "token", shortLived));
        live.next("ready");
        assertThat(live.closeCode()).isEqualTo(4401);
    }

    // --- live: server-sent events ------------------------------------------------------------------

    @Test
    void theEventStreamReplaysFromLastEventIdThenStaysLive() throws Exception {
        Api user = newUser();
        announce(user, "A");
        String cursor = user.get("/api/v1/notifications").path("items").get(0).path("cursor").asString();
        announce(user, "B");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + user.token).header("Accept", "text/event-stream")
                .header("Last-Event-ID", cursor).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            Map<String, String> ready = event(lines);
            assertThat(ready).containsEntry("event", "ready");
            assertThat(ready.get("data")).contains("\"cursor\":\"" + cursor + "\"").contains("\"unread\":2");
            Map<String, String> b = event(lines);
            assertThat(b).containsEntry("event", "notification").containsEntry("id", "2");
            assertThat(b.get("data")).contains("\"title\":\"B\"");
            announce(user, "C");
            Map<String, String> c = event(lines);
            assertThat(c).containsEntry("event", "notification").containsEntry("id", "3");
            assertThat(c.get("data")).contains("\"title\":\"C\"");
            assertThat(event(lines)).containsEntry("event", "unread").containsEntry("data", "{\"count\":3}");
        }
    }

    /** The next event of a stream (heartbeat comments skipped), as its fields. */
    static Map<String, String> event(BufferedReader lines) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    return fields;
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            fields.merge(line.substring(0, colon), line.substring(colon + 1).strip(), (a, b) -> a + "\n" + b);
        }
        throw new AssertionError("the stream ended");
    }

    static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }

    private static Path createData() {
        try {
            return Files.createTempDirectory("authorworks-messaging-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
