package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.internal.BillingClock;

import tools.jackson.databind.JsonNode;

/**
 * Chapter gating by membership (docs/content.md#chapter-gating), the table test of the access policy: every
 * visibility × membership (anonymous, signed in with none, another author's tier, a lower tier, the right tier,
 * the owner) × time (at release, after each step of a cascade), against the real database and the real
 * subscriptions service in test mode (its {@code Memberships} contract; checkout pays at once), with the
 * time moved by the one {@code Clock} bean (subscriptions' {@link BillingClock}, which content reads too).
 * Every path that serves chapter text to others is asked: the scene, the book's outline, {@code BookTexts}, {@code Scenes}.
 */
@SpringBootTest(classes = ContentTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=content,storage,subscriptions", "authorworks.content.publishing-poll=1h"})
class ChapterGatingIntegrationTests {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("gating-tests").toString();
        registry.add("authorworks.data", () -> data);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    BillingClock clock;

    @Autowired
    BookTexts texts;

    @Autowired
    Scenes scenes;

    enum Who { ANONYMOUS, NONE, OTHER_AUTHORS_TIER, LOWER_TIER, RIGHT_TIER, OWNER }

    record Chapter(String id, String scene, String text) {
    }

    static String words(String first, int n) {
        StringBuilder text = new StringBuilder(first);
        for (int i = 0; i < n; i++) {
            text.append(" word").append(i);
        }
        return text.toString();
    }

    Chapter chapter(Api author, String book, String title, String text) {
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", title))), 201).path("id").asString();
        String scene = ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", title, "content", "<p>" + text + "</p>"))), 201).path("id").asString();
        return new Chapter(chapter, scene, text);
    }

    String tier(Api creator, String name, long monthly) {
        return ok(creator.post("/api/v1/creators/" + creator.user + "/tiers",
                json(Map.of("name", name, "monthlyPrice", monthly, "currency", "usd"))), 201).path("id").asString();
    }

    void join(Api fan, String tier) {
        ok(fan.post("/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 201);
    }

    HttpResponse<String> get(Api caller, String path) {
        if (caller != null) {
            return caller.get(path);
        }
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> access(String visibility, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("visibility", visibility));
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void everyVisibilityForEveryMembershipAtEveryStepOfTheCascade() {
        Api owner = Api.newUser(port);
        Api otherAuthor = Api.newUser(port);
        Api none = Api.newUser(port);
        Api others = Api.newUser(port);
        Api lower = Api.newUser(port);
        Api right = Api.newUser(port);
        String reader = tier(owner, "Reader", 500);
        String patron = tier(owner, "Patron", 1500);
        String elsewhere = tier(otherAuthor, "Elsewhere", 5000);
        join(others, elsewhere);
        join(lower, reader);
        join(right, patron);
        Map<Who, Api> callers = new LinkedHashMap<>();
        callers.put(Who.ANONYMOUS, null);
        callers.put(Who.NONE, none);
        callers.put(Who.OTHER_AUTHORS_TIER, others);
        callers.put(Who.LOWER_TIER, lower);
        callers.put(Who.RIGHT_TIER, right);
        callers.put(Who.OWNER, owner);

        String book = ok(owner.post("/api/v1/books", json(Map.of("title", "The Gated Serial"))), 201).path("id").asString();
        String path = "/api/v1/books/" + book;
        Map<String, Chapter> chapters = new LinkedHashMap<>();
        chapters.put("preview", chapter(owner, book, "Free", words("Preview opens", 20)));
        chapters.put("public", chapter(owner, book, "Open", words("Everyone reads", 20)));
        chapters.put("members", chapter(owner, book, "Members", words("Members only", 200)));
        chapters.put("patron", chapter(owner, book, "Patrons", words("Patrons only", 20)));
        chapters.put("cascade", chapter(owner, book, "Early", words("Patrons first", 20)));
        chapters.put("reader+", chapter(owner, book, "Readers", words("Readers and up", 20)));
        ok(owner.post(path + "/publish", ""), 200);
        Instant released = Instant.parse(list(ok(owner.get(path + "/chapters/releases"), 200)).get(4).path("publishedAt").asString());

        ok(owner.put(path + "/free-preview", json(Map.of("chapters", 1))), 200);
        ok(owner.put(path + "/chapters/" + chapters.get("preview").id() + "/access", json(access("members"))), 200);
        ok(owner.put(path + "/chapters/" + chapters.get("members").id() + "/access", json(access("members"))), 200);
        ok(owner.put(path + "/chapters/" + chapters.get("patron").id() + "/access", json(access("tiers", "tiers", List.of(patron)))), 200);
        JsonNode cascade = ok(owner.put(path + "/chapters/" + chapters.get("cascade").id() + "/access", json(access("tiers",
                "tiers", List.of(patron), "later", List.of(Map.of("tier", reader, "afterDays", 3)), "everyoneAfterDays", 10))), 200);
        assertThat(cascade.path("visibility").asString()).isEqualTo("tiers");
        assertThat(cascade.path("later").get(0).path("tier").asString()).isEqualTo(reader);
        assertThat(cascade.path("everyoneAfterDays").asInt()).isEqualTo(10);
        ok(owner.put(path + "/chapters/" + chapters.get("reader+").id() + "/access", json(access("tiers", "tiers", List.of(reader)))), 200);
        JsonNode preview = ok(owner.get(path + "/chapters/" + chapters.get("preview").id() + "/access"), 200);
        assertThat(preview.path("visibility").asString()).isEqualTo("members");
        assertThat(preview.path("freePreview").asBoolean()).isTrue();

        // R: reads the text; L: a teaser and what unlocks it
        String[][] atRelease = {
                // chapter   ANONYMOUS NONE OTHER LOWER RIGHT OWNER
                {"preview", "R", "R", "R", "R", "R", "R"},
                {"public", "R", "R", "R", "R", "R", "R"},
                {"members", "L", "L", "L", "R", "R", "R"},
                {"patron", "L", "L", "L", "L", "R", "R"},
                {"cascade", "L", "L", "L", "L", "R", "R"},
                {"reader+", "L", "L", "L", "R", "R", "R"}};
        check(book, chapters, callers, atRelease, "at release");
        JsonNode lowerLock = scene(lower, book, chapters.get("cascade")).path("locked");
        assertThat(Instant.parse(lowerLock.path("unlocksAt").asString())).isEqualTo(released.plus(Duration.ofDays(3)));
        assertThat(lowerLock.path("tiers")).extracting(JsonNode::asString).containsExactly(patron);
        assertThat(Instant.parse(scene(none, book, chapters.get("cascade")).path("locked").path("unlocksAt").asString()))
                .isEqualTo(released.plus(Duration.ofDays(10)));
        JsonNode membersLock = scene(null, book, chapters.get("members")).path("locked");
        assertThat(membersLock.path("anyMember").asBoolean()).isTrue();
        assertThat(membersLock.has("unlocksAt") && !membersLock.path("unlocksAt").isNull()).as("never opens to everyone").isFalse();

        clock.advance(Duration.between(clock.instant(), released.plus(Duration.ofDays(3)).plusSeconds(60)));
        String[][] afterStep = {
                {"preview", "R", "R", "R", "R", "R", "R"},
                {"public", "R", "R", "R", "R", "R", "R"},
                {"members", "L", "L", "L", "R", "R", "R"},
                {"patron", "L", "L", "L", "L", "R", "R"},
                {"cascade", "L", "L", "L", "R", "R", "R"},
                {"reader+", "L", "L", "L", "R", "R", "R"}};
        check(book, chapters, callers, afterStep, "after 3 days");
        assertThat(scene(none, book, chapters.get("cascade")).path("locked").path("tiers")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(patron, reader);

        clock.advance(Duration.between(clock.instant(), released.plus(Duration.ofDays(10)).plusSeconds(60)));
        String[][] afterAll = {
                {"preview", "R", "R", "R", "R", "R", "R"},
                {"public", "R", "R", "R", "R", "R", "R"},
                {"members", "L", "L", "L", "R", "R", "R"},
                {"patron", "L", "L", "L", "L", "R", "R"},
                {"cascade", "R", "R", "R", "R", "R", "R"},
                {"reader+", "L", "L", "L", "R", "R", "R"}};
        check(book, chapters, callers, afterAll, "after 10 days");

        // the free preview is lifted: its first chapter is members-only again
        ok(owner.put(path + "/free-preview", json(Map.of("chapters", 0))), 200);
        assertThat(scene(none, book, chapters.get("preview")).path("locked").path("locked").asBoolean()).isTrue();
        assertThat(scene(lower, book, chapters.get("preview")).path("content").asString()).contains("Preview opens");
    }

    void check(String book, Map<String, Chapter> chapters, Map<Who, Api> callers, String[][] table, String when) {
        List<String> failures = new ArrayList<>();
        for (String[] row : table) {
            Chapter chapter = chapters.get(row[0]);
            int column = 1;
            for (var entry : callers.entrySet()) {
                boolean reads = row[column++].equals("R");
                String cell = row[0] + " × " + entry.getKey() + " " + when + ": expected " + (reads ? "read" : "locked");
                Api caller = entry.getValue();
                // the scene
                JsonNode scene = scene(caller, book, chapter);
                String body = scene.toString();
                boolean sceneReads = scene.path("content").asString().contains(chapter.text()) && scene.path("locked").isNull()
                        || scene.path("content").asString().contains(chapter.text()) && scene.path("locked").isMissingNode();
                if (sceneReads != reads) {
                    failures.add(cell + " (scene " + body + ")");
                }
                if (!reads) {
                    if (body.contains(chapter.text()) || !scene.path("locked").path("locked").asBoolean()
                            || !scene.path("teaser").asString().startsWith(chapter.text().substring(0, 12))) {
                        failures.add(cell + ": the locked scene must have a teaser, a lock and never the text: " + body);
                    }
                    int teaserWords = scene.path("teaser").asString().split("\\s+").length;
                    if (teaserWords > 151) {
                        failures.add(cell + ": a teaser of " + teaserWords + " words");
                    }
                }
                // the book's outline
                JsonNode outlined = list(ok(get(caller, "/api/v1/books/" + book), 200).path("chapters")).stream()
                        .filter(c -> c.path("id").asString().equals(chapter.id())).findFirst().orElseThrow();
                boolean outlineLocked = outlined.path("locked").path("locked").asBoolean(false);
                if (outlineLocked == reads) {
                    failures.add(cell + " (outline " + outlined + ")");
                }
                // the published contracts, for a signed-in caller
                if (caller != null) {
                    UserId user = new UserId(caller.user);
                    boolean inTexts = texts.find(new BookId(UUID.fromString(book)), user).orElseThrow().chapters().stream()
                            .anyMatch(c -> c.id().toString().equals(chapter.id()));
                    if (inTexts != reads) {
                        failures.add(cell + " (BookTexts)");
                    }
                    boolean viaScenes;
                    try {
                        viaScenes = scenes.read(user, new SceneId(UUID.fromString(chapter.scene()))).html().contains(chapter.text());
                    } catch (Problem e) {
                        viaScenes = false;
                    }
                    if (viaScenes != reads) {
                        failures.add(cell + " (Scenes.read)");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    JsonNode scene(Api caller, String book, Chapter chapter) {
        return ok(get(caller, "/api/v1/books/" + book + "/chapters/" + chapter.id() + "/scenes/" + chapter.scene()), 200);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void onlyTheOwnerSetsAccessAndABadRuleIsAClearProblem() {
        Api owner = Api.newUser(port);
        Api stranger = Api.newUser(port);
        String mine = tier(owner, "Mine", 500);
        String theirs = tier(stranger, "Theirs", 500);
        String book = ok(owner.post("/api/v1/books", json(Map.of("title", "Rules"))), 201).path("id").asString();
        String path = "/api/v1/books/" + book;
        Chapter one = chapter(owner, book, "One", "Once upon a time.");
        String access = path + "/chapters/" + one.id() + "/access";

        assertThat(ok(owner.get(access), 200).path("visibility").asString()).isEqualTo("public");
        problem(stranger.get(access), 404, "book-not-found");
        problem(stranger.put(access, json(access("members"))), 404, "book-not-found");
        problem(stranger.put(path + "/free-preview", json(Map.of("chapters", 2))), 404, "book-not-found");

        problem(owner.put(access, json(access("secret"))), 400, "invalid-visibility");
        problem(owner.put(access, json(access("tiers", "tiers", List.of(theirs)))), 400, "unknown-tier");
        problem(owner.put(access, json(access("tiers", "tiers", List.of(UUID.randomUUID().toString())))), 400, "unknown-tier");
        problem(owner.put(access, json(access("tiers", "tiers", List.of("not-a-tier")))), 400, "unknown-tier");
        problem(owner.put(access, json(access("tiers"))), 400, "invalid-schedule");
        problem(owner.put(access, json(access("public", "everyoneAfterDays", 3))), 400, "invalid-schedule");
        problem(owner.put(access, json(access("members", "tiers", List.of(mine)))), 400, "invalid-schedule");
        problem(owner.put(access, json(access("tiers", "tiers", List.of(mine), "later", List.of(Map.of("afterDays", 5)),
                "everyoneAfterDays", 5))), 400, "invalid-schedule");
        problem(owner.put(access, json(access("tiers", "tiers", List.of(mine), "later", List.of(Map.of("tier", mine, "afterDays", 2))))),
                400, "invalid-schedule");
        problem(owner.put(access, json(access("members", "everyoneAfterDays", 0))), 400, "invalid-schedule");
        problem(owner.put(path + "/free-preview", json(Map.of("chapters", -1))), 400, "invalid-free-preview");
        assertThat(ok(owner.get(access), 200).path("visibility").asString()).as("nothing changed").isEqualTo("public");

        JsonNode members = ok(owner.put(access, json(access("members", "everyoneAfterDays", 30))), 200);
        assertThat(members.path("everyoneAfterDays").asInt()).isEqualTo(30);
        assertThat(list(ok(owner.get(path + "/chapters/releases"), 200)).getFirst().path("access").path("visibility").asString())
                .isEqualTo("members");
        assertThat(ok(owner.put(access, json(access("public"))), 200).path("visibility").asString()).isEqualTo("public");
        assertThat(ok(owner.get(path + "/free-preview"), 200).path("chapters").asInt()).isZero();
    }
}
