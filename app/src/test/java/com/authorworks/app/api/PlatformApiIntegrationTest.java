package com.authorworks.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.AuthorWorksApplication;
import com.authorworks.app.api.RawHttp.Request;
import com.authorworks.app.api.RawHttp.Response;

import tools.jackson.databind.JsonNode;

/**
 * The whole platform on its embedded defaults (every service, embedded PostgreSQL, local-disk blobs,
 * mail to the dev outbox) over real HTTP, shared by the API suites that extend this (one
 * configuration, so Spring starts it once). Users are signed up the way a person does it, with
 * the link from the verification mail; nobody is an admin, so every access check applies.
 */
@SpringBootTest(classes = AuthorWorksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // the first user to sign up would otherwise be admin, and an admin may see every book
                "AUTHORWORKS_ADMIN_EMAIL=" + PlatformApiIntegrationTest.ADMIN_EMAIL,
                // the fuzzer sends hundreds of sign-ins from one address; a 429 would hide what lies behind it
                "authorworks.identity.login-attempts-per-address=100000",
                "authorworks.identity.login-attempts-per-account=100000",
                "authorworks.identity.login-attempts-per-account-from-new-addresses=100000"})
abstract class PlatformApiIntegrationTest {

    static final String ADMIN_EMAIL = "only-the-notifier-is-admin@example.test";
    static final Path DATA = Path.of("target", "it-data", "api-" + UUID.randomUUID()).toAbsolutePath();
    static final String PASSWORD = "correct horse battery";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
    }

    @LocalServerPort
    int port;

    /** A signed-in user and the resources made for them, by the names path parameters use. */
    record User(String name, String id, String email, String accessToken, Resources resources) {
    }

    /**
     * Ids keyed as {@code <segment before>/<parameter>} ({@code books/id}, {@code files/id},
     * {@code chapters/chapterId}) and by the bare parameter name, so {@code /books/{id}} and
     * {@code /files/{id}} each get the right one, and a body field named {@code sceneId} too.
     */
    record Resources(Map<String, String> values) {

        Optional<String> forPathParameter(String segmentBefore, String name) {
            return Optional.ofNullable(values.get(segmentBefore + "/" + name)).or(() -> Optional.ofNullable(values.get(name)));
        }

        Optional<String> forField(String name) {
            return Optional.ofNullable(values.get(name));
        }

        /** These resources with one value replaced: the stranger's own book above the owner's chapter. */
        Resources with(String key, String value) {
            Map<String, String> changed = new LinkedHashMap<>(values);
            changed.put(key, value);
            return new Resources(Map.copyOf(changed));
        }
    }

    private static Platform platform;

    /** The document and the users, made once for every suite on this server. */
    record Platform(ApiDocument document, User owner, User stranger, User fuzzer) {
    }

    RawHttp http() {
        return new RawHttp(port);
    }

    Platform platform() {
        synchronized (PlatformApiIntegrationTest.class) {
            if (platform == null) {
                // springdoc builds the document on the first request: seconds, more on a busy machine
                Response docs = http().send(Request.of("GET", "/v3/api-docs"), Duration.ofMinutes(3));
                assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
                ApiDocument document = ApiDocument.parse(docs.json());
                // the admin only sends each user a notification (nobody else is an admin, so every access check applies)
                User admin = signedIn("admin", ADMIN_EMAIL, Map.of());
                // the fuzzer has no provider key: testing one calls the provider over the internet
                String patronsTier = tierOf(signedIn("patron", Map.of()), "Patrons");
                platform = new Platform(document, userWithResources("owner", true, patronsTier, admin),
                        userWithResources("stranger", false, patronsTier, admin), userWithResources("fuzzer", false, patronsTier, admin));
            }
            return platform;
        }
    }

    // --- users ---------------------------------------------------------------------------------

    private User signedIn(String name, Map<String, String> resources) {
        return signedIn(name, null, resources);
    }

    private User signedIn(String name, String address, Map<String, String> resources) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = address != null ? address : unique + "@example.test";
        Response registered = send(Request.of("POST", "/api/v1/auth/register")
                .json(json(Map.of("email", email, "username", unique, "password", PASSWORD))), 201);
        send(Request.of("POST", "/api/v1/auth/verify-email").json(json(Map.of("token", tokenMailedTo(email)))), 204);
        Response tokens = send(Request.of("POST", "/api/v1/auth/login").json(json(Map.of("email", email, "password", PASSWORD))), 200);
        String id = registered.json().get("id").asString();
        Map<String, String> values = new LinkedHashMap<>(resources);
        values.put("users/id", id);
        return new User(name, id, email, tokens.json().get("accessToken").asString(), new Resources(values));
    }

    /**
     * A user with one of everything the API lets them own: a book with a chapter, a scene with two
     * versions, a plan artifact, a codex entry with a fact, a cover and a reading position; a published serial with
     * a chapter released after it; an uploaded file; a finished export;
     * a provider key if asked for; a creator tier of their own (the book's chapter gated to it) with a fan's (test-mode) payment
     * for it, and a (test-mode) subscription to another creator's; a notification (sent by the admin); a group conversation (with a friend of their own)
     * with a message (carrying their file), and someone they blocked; a second, published book with the user's comment on
     * its chapter and the user's report of the admin's comment there; notification levels for that book and for the
     * admin as an author, mail settings, and a report of the blocked user. Ids go where path parameters of those
     * names will look for them.
     */
    private User userWithResources(String name, boolean providerKey, String othersTier, User admin) {
        User user = signedIn(name, Map.of());
        String token = user.accessToken();
        Map<String, String> ids = new LinkedHashMap<>(user.resources().values());

        String book = send(Request.of("POST", "/api/v1/books").bearer(token)
                .json(json(Map.of("title", name + "'s lighthouse", "description", "A keeper and a storm."))), 201)
                .json().get("id").asString();
        String books = "/api/v1/books/" + book;
        String chapter = send(Request.of("POST", books + "/chapters").bearer(token).json(json(Map.of("title", "The storm"))), 201)
                .json().get("id").asString();
        String scene = send(Request.of("POST", books + "/chapters/" + chapter + "/scenes").bearer(token)
                .json(json(Map.of("title", "Night watch", "content", "<p>The lamp turned.</p>"))), 201).json().get("id").asString();
        String scenePath = books + "/chapters/" + chapter + "/scenes/" + scene;
        send(Request.of("PATCH", scenePath).bearer(token).json(json(Map.of("content", "<p>The lamp turned twice.</p>"))), 200);
        send(Request.of("PUT", books + "/artifacts/braindump").bearer(token).json("\"A keeper who will not leave.\""), 200);
        send(Request.of("PUT", books + "/reading-position").bearer(token)
                .json(json(Map.of("chapterId", chapter, "sceneId", scene, "progress", 0.5))), 200);
        send(Requests.multipart(Request.of("PUT", books + "/cover").bearer(token), "file", "cover.png", "image/png", png()), 200);
        // a published serial with a chapter released after the book (serial release): discovery's feed and latest updates hold it
        String serial = "/api/v1/books/" + send(Request.of("POST", "/api/v1/books").bearer(token)
                .json(json(Map.of("title", name + "'s serial"))), 201).json().get("id").asString();
        send(Request.of("POST", serial + "/chapters").bearer(token).json(json(Map.of("title", "Arrival"))), 201);
        send(Request.of("POST", serial + "/publish").bearer(token), 200);
        String next = send(Request.of("POST", serial + "/chapters").bearer(token).json(json(Map.of("title", "Departure"))), 201)
                .json().get("id").asString();
        send(Request.of("POST", serial + "/chapters/" + next + "/publish").bearer(token), 200);
        String file = send(Requests.multipart(Request.of("POST", "/api/v1/files").bearer(token), "file", "notes.txt", "text/plain",
                "Tide tables.".getBytes(StandardCharsets.UTF_8)), 201).json().get("id").asString();
        String export = send(Request.of("POST", books + "/export").bearer(token).json(json(Map.of("format", "markdown"))), 202)
                .json().get("id").asString();
        String entry = send(Request.of("POST", books + "/codex").bearer(token)
                .json(json(Map.of("kind", "character", "name", name + " the keeper", "aliases", List.of(name + " Keeper")))), 201)
                .json().get("id").asString();
        String fact = send(Request.of("POST", books + "/codex/" + entry + "/facts").bearer(token)
                .json(json(Map.of("text", "keeps the lamp lit", "fromScene", 1))), 201).json().get("id").asString();
        if (providerKey) {
            send(Request.of("PUT", "/api/v1/provider-keys/openai").bearer(token)
                    .json(json(Map.of("key", "sk-test-" + name + "-0123456789"))), 200);
        }
        awaitExport(token, books + "/exports/" + export);
        String tier = tierOf(user, name + "'s readers");
        // the chapter gated to their own tier, after a free preview of none (chapter gating)
        send(Request.of("PUT", books + "/chapters/" + chapter + "/access").bearer(token)
                .json(json(Map.of("visibility", "tiers", "tiers", List.of(tier), "everyoneAfterDays", 30))), 200);
        send(Request.of("PUT", books + "/free-preview").bearer(token).json(json(Map.of("chapters", 0))), 200);
        String subscription = send(Request.of("POST", "/api/v1/subscriptions/checkout").bearer(token)
                .json(json(Map.of("tierId", othersTier))), 201).json().get("subscription").get("id").asString();
        String notification = send(Request.of("POST", "/api/v1/notifications").bearer(admin.accessToken())
                .json(json(Map.of("userId", user.id(), "title", "Welcome, " + name, "link", "/discover"))), 201)
                .json().get("id").asString();

        // a group conversation with a friend of their own (so nobody else's member is in it) and a message in it,
        // and someone they blocked
        User friend = signedIn(name + "-friend", Map.of());
        // the friend joins the user's tier: a payment to the user as a creator (test mode's refunds name it)
        send(Request.of("POST", "/api/v1/subscriptions/checkout").bearer(friend.accessToken()).json(json(Map.of("tierId", tier))), 201);
        String payment = send(Request.of("GET", "/api/v1/creators/" + user.id() + "/earnings").bearer(token), 200).json()
                .get("latest").get(0).get("id").asString();
        String conversation = send(Request.of("POST", "/api/v1/conversations").bearer(token).json(json(Map.of("kind", "group",
                "title", name + "'s circle", "memberIds", java.util.List.of(friend.id())))), 201).json().get("id").asString();
        String message = send(Request.of("POST", "/api/v1/conversations/" + conversation + "/messages").bearer(token)
                .json(json(Map.of("body", "The lamp is lit.", "file", file))), 201).json().get("id").asString();
        String blocked = signedIn(name + "-blocked", Map.of()).id();
        send(Request.of("PUT", "/api/v1/users/me/blocks/" + blocked).bearer(token), 204);

        // an audiobook of the book, rendered by the offline voice (one short scene: a few seconds of audio)
        String audio = "/api/v1/audio/projects/";
        JsonNode project = send(Request.of("POST", "/api/v1/audio/projects").bearer(token).json(json(Map.of("bookId", book))), 201).json();
        String projectId = project.get("id").asString();
        String job = send(Request.of("POST", audio + projectId + "/jobs").bearer(token), 202).json().get("id").asString();
        awaitRender(token, audio + projectId + "/jobs/" + job);
        String audioFile = send(Request.of("GET", audio + projectId + "/exports").bearer(token), 200).json().get("files").get(0)
                .get("id").asString();

        // a published book of the user's (the first stays a draft, so every read of it is a 404 to others), the user's
        // comment on its chapter, the admin's comment there and the user's report of that
        String shore = send(Request.of("POST", "/api/v1/books").bearer(token)
                .json(json(Map.of("title", name + "'s open shore", "description", "A beach anyone may walk."))), 201).json().get("id").asString();
        String shoreChapter = send(Request.of("POST", "/api/v1/books/" + shore + "/chapters").bearer(token).json(json(Map.of("title", "Low tide"))),
                201).json().get("id").asString();
        send(Request.of("POST", "/api/v1/books/" + shore + "/chapters/" + shoreChapter + "/scenes").bearer(token)
                .json(json(Map.of("title", "Shells", "content", "<p>The sea went out.</p>"))), 201);
        send(Request.of("PATCH", "/api/v1/books/" + shore + "/publication").bearer(token)
                .json(json(Map.of("blurb", "A beach anyone may walk.", "genre", "literary", "tags", java.util.List.of("shore")))), 200);
        send(Request.of("POST", "/api/v1/books/" + shore + "/publish").bearer(token), 200);
        String comments = "/api/v1/discover/books/" + shore + "/chapters/" + shoreChapter + "/comments";
        await("discovery to list " + shore, () -> http().send(Request.of("GET", comments).bearer(token)).status() == 200);
        String comment = send(Request.of("POST", comments).bearer(token).json(json(Map.of("body", "Notes from the author."))), 201)
                .json().get("id").asString();
        String admins = send(Request.of("POST", comments).bearer(admin.accessToken()).json(json(Map.of("body", "An admin walked here."))), 201)
                .json().get("id").asString();
        String report = send(Request.of("POST", "/api/v1/discover/comments/" + admins + "/reports").bearer(token)
                .json(json(Map.of("reason", "off-topic", "note", "Admins walk elsewhere."))), 201).json().get("id").asString();
        // a private reading list of the user's holding their published book
        String list = send(Request.of("POST", "/api/v1/discover/lists").bearer(token)
                .json(json(Map.of("name", name + "'s shore reads"))), 201).json().get("id").asString();
        send(Request.of("PUT", "/api/v1/discover/lists/" + list + "/books/" + shore).bearer(token), 200);
        // a saved search of theirs (private to them), and a blocklist hiding a tag
        String search = send(Request.of("POST", "/api/v1/discover/saved-searches").bearer(token)
                .json(json(Map.of("name", name + "'s shores", "query", Map.of("q", "shore", "excludeTag", List.of("grim"))))), 201)
                .json().get("id").asString();
        send(Request.of("PUT", "/api/v1/discover/blocklist").bearer(token)
                .json(json(Map.of("authors", List.of(), "tags", List.of("grim")))), 200);
        // the notifications these make (published, commented) are in before anyone reads them back
        await("the notifications of " + name + "'s publication and comment", () -> {
            String inbox = http().send(Request.of("GET", "/api/v1/notifications?size=100").bearer(token)).text();
            return inbox.contains("\"book-published\"") && inbox.contains("\"comment\"");
        });

        // levels of their own (the open shore watched, the admin as an author muted), mail settings, and their report of the
        // user they blocked in messaging's moderation queue
        send(Request.of("PUT", "/api/v1/notifications/preferences/books/" + shore).bearer(token).json(json(Map.of("level", "watching"))), 200);
        send(Request.of("PUT", "/api/v1/notifications/preferences/authors/" + admin.id()).bearer(token).json(json(Map.of("level", "muted"))), 200);
        send(Request.of("PUT", "/api/v1/notifications/preferences/mail").bearer(token).json(json(Map.of("timeZone", "Europe/Paris",
                "quietHours", Map.of("start", "22:00", "end", "07:00"), "digest", "weekly"))), 200);
        send(Request.of("POST", "/api/v1/conversations/reports/users").bearer(token)
                .json(json(Map.of("userId", blocked, "reason", "Spam in my inbox"))), 201);

        ids.put("bookId", shore);
        ids.put("authorId", admin.id());
        ids.put("commentId", comment);
        ids.put("reportId", report);
        ids.put("readerId", admin.id());
        ids.put("listId", list);
        ids.put("searchId", search);
        ids.put("authors/id", user.id());
        ids.put("projects/id", projectId);
        ids.put("voiceId", project.get("voices").get(0).get("id").asString());
        ids.put("jobId", job);
        ids.put("audioFileId", audioFile);
        ids.put("books/id", book);
        ids.put("chapterId", chapter);
        ids.put("sceneId", scene);
        ids.put("entryId", entry);
        ids.put("factId", fact);
        ids.put("files/id", file);
        ids.put("fileId", file);
        ids.put("exportId", export);
        ids.put("notifications/id", notification);
        ids.put("document/id", scene);
        ids.put("provider", "openai");
        ids.put("kind", "braindump");
        ids.put("n", "1");
        ids.put("creators/id", user.id());
        ids.put("tierId", tier);
        ids.put("subscriptions/id", subscription);
        ids.put("paymentId", payment);
        ids.put("conversations/id", conversation);
        ids.put("messageId", message);
        ids.put("members/userId", friend.id());
        ids.put("blocks/userId", blocked);
        return new User(name, user.id(), user.email(), token, new Resources(ids));
    }

    /** A tier of the user's, by its id. */
    private String tierOf(User creator, String name) {
        return send(Request.of("POST", "/api/v1/creators/" + creator.id() + "/tiers").bearer(creator.accessToken())
                .json(json(Map.of("name", name, "monthlyPrice", 500, "currency", "usd"))), 201).json().get("id").asString();
    }

    private static void await(String what, java.util.function.BooleanSupplier done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " in time").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void awaitRender(String token, String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            JsonNode job = send(Request.of("GET", path).bearer(token), 200).json();
            String status = job.get("status").asString();
            if (status.equals("done")) {
                return;
            }
            assertThat(status).as("render " + path + ": " + job).isNotEqualTo("failed");
            assertThat(Instant.now()).as("render " + path + " finished in time").isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void awaitExport(String token, String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            String state = send(Request.of("GET", path).bearer(token), 200).json().get("state").asString();
            if (state.equalsIgnoreCase("done")) {
                return;
            }
            assertThat(state).as("export " + path).isNotEqualToIgnoringCase("failed");
            assertThat(Instant.now()).as("export " + path + " finished in time").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    Response send(Request request, int expectedStatus) {
        Response response = http().send(request);
        assertThat(response.status()).as(request + " -> " + response).isEqualTo(expectedStatus);
        return response;
    }

    static String json(Object value) {
        return RawHttp.JSON.writeValueAsString(value);
    }

    static byte[] png() {
        var image = new java.awt.image.BufferedImage(4, 6, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The token in the verification mail to this address, read from the dev outbox like a developer would. */
    private static String tokenMailedTo(String email) {
        try (Stream<Path> files = Files.list(DATA.resolve("mail"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("-verify-email-")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage mail = new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), in);
                    Matcher token = TOKEN.matcher(mail.getContent().toString());
                    if (mail.getAllRecipients()[0].toString().equalsIgnoreCase(email) && token.find()) {
                        return token.group(1);
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no verification mail with a link to " + email);
    }
}
