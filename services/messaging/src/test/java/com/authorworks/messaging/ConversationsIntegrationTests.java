package com.authorworks.messaging;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.authorworks.platform.testing.Api;

import tools.jackson.databind.JsonNode;

/**
 * Direct and group conversations over real HTTP and a real WebSocket, with identity in the same process
 * (real accounts, real follows and blocks, asked through identity's published contracts).
 */
@Timeout(240)
class ConversationsIntegrationTests {

    private static final Path DATA = Path.of("target", "it-data", "conversations-" + UUID.randomUUID()).toAbsolutePath();
    private static final String ADMIN = "moderator@example.test";
    static ConfigurableApplicationContext server;
    static int port;

    @BeforeAll
    static void start() {
        server = new SpringApplicationBuilder(MessagingWithIdentityTestApplication.class).properties(
                "server.port=0", "logging.level.root=WARN", "authorworks.services=identity,storage,messaging",
                "authorworks.data=" + DATA, "authorworks.messaging.heartbeat=1s", "AUTHORWORKS_ADMIN_EMAIL=" + ADMIN).run();
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        server.close();
        FileSystemUtils.deleteRecursively(DATA.toFile());
    }

    static Api signUp(String name) {
        return signUp(name, name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
    }

    static Api signUp(String name, String email) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api anonymous = Api.anonymous(port);
        String id = ok(anonymous.send("POST", "/api/v1/auth/register",
                json(Map.of("email", email, "username", username, "password", "correct horse battery"))), 201).path("id").asString();
        if (email.equals(ADMIN)) {
            // the admin address is promoted once verified: the link is in the mail in the dev outbox
            ok(anonymous.send("POST", "/api/v1/auth/verify-email", json(Map.of("token", verificationTokenFor(email)))), 204);
        }
        String token = ok(anonymous.send("POST", "/api/v1/auth/login",
                json(Map.of("email", email, "password", "correct horse battery"))), 200).path("accessToken").asString();
        return Api.withToken(port, UUID.fromString(id), token);
    }

    static String verificationTokenFor(String email) {
        try (var files = java.nio.file.Files.list(DATA.resolve("mail"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("-verify-email-")).toList()) {
                String mail;
                try (var in = java.nio.file.Files.newInputStream(file)) {
                    var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
                    mail = message.getAllRecipients()[0] + "\n" + message.getContent();
                } catch (jakarta.mail.MessagingException e) {
                    throw new AssertionError(e);
                }
                java.util.regex.Matcher token = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail);
                if (mail.contains(email) && token.find()) {
                    return token.group(1);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no verification mail to " + email);
    }

    static JsonNode direct(Api from, Api to, int status) {
        return ok(from.send("POST", "/api/v1/conversations", json(Map.of("kind", "direct", "userId", to.user.toString()))), status);
    }

    static JsonNode say(Api from, String conversation, String text) {
        return ok(from.send("POST", "/api/v1/conversations/" + conversation + "/messages", json(Map.of("body", text))), 201);
    }

    static LiveClient live(Api user) {
        LiveClient client = LiveClient.connect(port);
        client.send(Map.of("type", "auth", "token", user.token));
        assertThat(client.next("ready").path("type").asString()).isEqualTo("ready");
        return client;
    }

    /** The next conversation frame of this event, skipping others. */
    static JsonNode nextEvent(LiveClient client, String event) {
        while (true) {
            JsonNode frame = client.next("conversation");
            if (frame.path("event").asString().equals(event)) {
                return frame;
            }
        }
    }

    static JsonNode member(JsonNode conversation, Api user) {
        for (JsonNode member : conversation.path("members")) {
            if (member.path("id").asString().equals(user.user.toString())) {
                return member;
            }
        }
        throw new AssertionError(user.user + " is not in " + conversation);
    }

    @Test
    void aDirectConversationIsThePairsOneAndItsMessagesReceiptsAndTypingArriveLive() {
        Api ann = signUp("ann");
        Api ben = signUp("ben");
        JsonNode started = direct(ann, ben, 201);
        String id = started.path("id").asString();
        assertThat(started.path("kind").asString()).isEqualTo("direct");
        assertThat(started.path("members")).hasSize(2);
        assertThat(member(started, ben).path("username").asString()).startsWith("ben-");
        assertThat(direct(ann, ben, 200).path("id").asString()).as("the same pair again").isEqualTo(id);
        assertThat(direct(ben, ann, 200).path("id").asString()).as("either way round").isEqualTo(id);

        LiveClient annLive = live(ann);
        LiveClient benLive = live(ben);
        try {
            JsonNode hello = say(ann, id, "  Hello, Ben.  ");
            assertThat(hello.path("body").asString()).isEqualTo("Hello, Ben.");
            JsonNode arrived = nextEvent(benLive, "message");
            assertThat(arrived.path("conversationId").asString()).isEqualTo(id);
            assertThat(arrived.path("message").path("id").asString()).isEqualTo(hello.path("id").asString());
            assertThat(arrived.path("message").path("body").asString()).isEqualTo("Hello, Ben.");
            assertThat(arrived.path("message").path("senderId").asString()).isEqualTo(ann.user.toString());

            JsonNode bensList = ben.get("/api/v1/conversations");
            assertThat(bensList.path("total").asLong()).isEqualTo(1);
            assertThat(bensList.path("items").get(0).path("unread").asLong()).isEqualTo(1);
            assertThat(bensList.path("items").get(0).path("lastMessage").path("body").asString()).isEqualTo("Hello, Ben.");
            assertThat(ann.get("/api/v1/conversations").path("items").get(0).path("unread").asLong())
                    .as("one's own message is read").isZero();

            // Ben reads it: Ann sees where Ben is, live and in the conversation
            ok(ben.send("POST", "/api/v1/conversations/" + id + "/read", json(Map.of("messageId", hello.path("id").asString()))), 204);
            JsonNode receipt = nextEvent(annLive, "read");
            assertThat(receipt.path("userId").asString()).isEqualTo(ben.user.toString());
            assertThat(receipt.path("messageId").asString()).isEqualTo(hello.path("id").asString());
            assertThat(member(ann.get("/api/v1/conversations/" + id), ben).path("lastReadMessageId").asString())
                    .isEqualTo(hello.path("id").asString());
            assertThat(ben.get("/api/v1/conversations/" + id).path("unread").asLong()).isZero();

            // Ben types over the socket; Ann sees it
            benLive.send(Map.of("type", "typing", "conversationId", id));
            JsonNode typing = nextEvent(annLive, "typing");
            assertThat(typing.path("userId").asString()).isEqualTo(ben.user.toString());
            assertThat(typing.path("conversationId").asString()).isEqualTo(id);

            // Ann edits and then deletes: Ben sees both, the deletion as a tombstone
            String message = "/api/v1/conversations/" + id + "/messages/" + hello.path("id").asString();
            JsonNode edited = ok(ann.send("PATCH", message, json(Map.of("body", "Hello, Benjamin."))), 200);
            assertThat(edited.path("editedAt").isNull()).isFalse();
            assertThat(nextEvent(benLive, "message-edited").path("message").path("body").asString()).isEqualTo("Hello, Benjamin.");
            problem(ben.send("PATCH", message, json(Map.of("body", "Not mine."))), 403, "not-your-message");
            problem(ben.send("DELETE", message, null), 403, "not-your-message");
            ok(ann.send("DELETE", message, null), 204);
            ok(ann.send("DELETE", message, null), 204);
            JsonNode tombstone = nextEvent(benLive, "message-deleted").path("message");
            assertThat(tombstone.path("deleted").asBoolean()).isTrue();
            assertThat(tombstone.path("body").isNull()).isTrue();
            problem(ann.send("PATCH", message, json(Map.of("body", "Back?"))), 409, "message-deleted");
            JsonNode kept = ben.get("/api/v1/conversations/" + id + "/messages").path("items").get(0);
            assertThat(kept.path("id").asString()).as("the tombstone keeps its place").isEqualTo(hello.path("id").asString());
            assertThat(kept.path("deleted").asBoolean()).isTrue();
        } finally {
            annLive.close();
            benLive.close();
        }
    }

    @Test
    void messagesArePagedNewestFirstWithACursor() {
        Api ann = signUp("pager");
        Api ben = signUp("paged");
        String id = direct(ann, ben, 201).path("id").asString();
        for (int i = 1; i <= 5; i++) {
            say(i % 2 == 0 ? ben : ann, id, "message " + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ann.get("/api/v1/conversations/" + id + "/messages?size=2" + (cursor == null ? "" : "&before=" + cursor));
            page.path("items").forEach(m -> seen.add(m.path("body").asString()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("message 5", "message 4", "message 3", "message 2", "message 1");
        assertThat(pages).isEqualTo(3);
        problem(ann.send("GET", "/api/v1/conversations/" + id + "/messages?before=soon", null), 400, "invalid-cursor");
    }

    @Test
    void onlyMembersReachAConversationAndEverythingInIt() {
        Api ann = signUp("insider");
        Api ben = signUp("friend");
        Api eve = signUp("outsider");
        String id = direct(ann, ben, 201).path("id").asString();
        String message = say(ann, id, "Between us.").path("id").asString();
        String path = "/api/v1/conversations/" + id;

        problem(eve.send("GET", path, null), 404, "conversation-not-found");
        problem(eve.send("GET", path + "/messages", null), 404, "conversation-not-found");
        problem(eve.send("POST", path + "/messages", json(Map.of("body", "Let me in."))), 404, "conversation-not-found");
        problem(eve.send("PATCH", path + "/messages/" + message, json(Map.of("body", "Mine now."))), 404, "conversation-not-found");
        problem(eve.send("DELETE", path + "/messages/" + message, null), 404, "conversation-not-found");
        problem(eve.send("POST", path + "/read", json(Map.of("messageId", message))), 404, "conversation-not-found");
        problem(eve.send("POST", path + "/typing", null), 404, "conversation-not-found");
        problem(eve.send("POST", path + "/members", json(Map.of("userId", eve.user.toString()))), 404, "conversation-not-found");
        assertThat(eve.get("/api/v1/conversations").path("total").asLong()).isZero();
        // a message of another conversation, named under one's own
        String evesOwn = direct(eve, ann, 201).path("id").asString();
        problem(eve.send("PATCH", "/api/v1/conversations/" + evesOwn + "/messages/" + message, json(Map.of("body", "x"))),
                404, "message-not-found");
        problem(eve.send("POST", "/api/v1/conversations/" + evesOwn + "/read", json(Map.of("messageId", message))),
                404, "message-not-found");
        assertThat(ok(ann.send("GET", path + "/messages", null), 200).path("items").get(0).path("body").asString())
                .isEqualTo("Between us.");

        problem(ann.send("GET", "/api/v1/conversations/" + UUID.randomUUID(), null), 404, "conversation-not-found");
        problem(ann.send("GET", "/api/v1/conversations/not-an-id", null), 404, "conversation-not-found");
        problem(ann.send("POST", path + "/messages", json(Map.of("body", "   "))), 400, "validation-failed");
        problem(ann.send("POST", path + "/messages", json(Map.of("body", "x".repeat(4001)))), 400, "message-too-long");
        problem(ann.send("POST", path + "/messages", json(Map.of("body", "bell\u0007"))), 400, "invalid-body");
        problem(ann.send("POST", "/api/v1/conversations", json(Map.of("kind", "direct", "userId", ann.user.toString()))),
                400, "cannot-message-yourself");
        problem(ann.send("POST", "/api/v1/conversations", json(Map.of("kind", "direct", "userId", UUID.randomUUID().toString()))),
                404, "user-not-found");
        problem(ann.send("POST", "/api/v1/conversations", json(Map.of("kind", "direct", "userId", "someone"))), 400, "invalid-user-id");
        problem(ann.send("POST", "/api/v1/conversations", json(Map.of("kind", "channel"))), 400, "invalid-kind");
        problem(Api.anonymous(port).send("GET", "/api/v1/conversations", null), 401, "authentication-required");
    }

    @Test
    void aBlockStopsDirectMessagesBothWaysButNotAGroupAndNobodyAddsTheOtherToOne() {
        Api ann = signUp("blocker");
        Api ben = signUp("blocked");
        Api cat = signUp("host");
        String direct = direct(ann, ben, 201).path("id").asString();
        String group = ok(cat.send("POST", "/api/v1/conversations", json(Map.of("kind", "group", "title", "Book club",
                "memberIds", List.of(ann.user.toString(), ben.user.toString())))), 201).path("id").asString();
        ok(ann.send("PUT", "/api/v1/users/me/blocks/" + ben.user, null), 204);

        problem(ben.send("POST", "/api/v1/conversations/" + direct + "/messages", json(Map.of("body", "Hey?"))), 403, "blocked");
        problem(ann.send("POST", "/api/v1/conversations/" + direct + "/messages", json(Map.of("body", "Hey?"))), 403, "blocked");
        problem(ben.send("POST", "/api/v1/conversations", json(Map.of("kind", "direct", "userId", ann.user.toString()))), 403, "blocked");
        problem(ben.send("POST", "/api/v1/conversations", json(Map.of("kind", "group", "title", "Just us",
                "memberIds", List.of(ann.user.toString())))), 403, "blocked");
        String bens = ok(ben.send("POST", "/api/v1/conversations", json(Map.of("kind", "group", "title", "Mine",
                "memberIds", List.of(cat.user.toString())))), 201).path("id").asString();
        problem(ben.send("POST", "/api/v1/conversations/" + bens + "/members", json(Map.of("userId", ann.user.toString()))),
                403, "blocked");

        // in a group the conversation is everyone's: both still talk there
        say(ben, group, "Chapter three?");
        say(ann, group, "Loved it.");
        assertThat(cat.get("/api/v1/conversations/" + group + "/messages").path("items")).hasSize(2);
        assertThat(ann.get("/api/v1/conversations/contacts").toString()).as("nobody in a block is a contact")
                .doesNotContain(ben.user.toString()).contains(cat.user.toString());

        ok(ann.send("DELETE", "/api/v1/users/me/blocks/" + ben.user, null), 204);
        say(ben, direct, "Friends again?");
    }

    @Test
    void theOwnerManagesAGroupsMembersAndAnyoneCanLeave() {
        Api owner = signUp("owner");
        Api ann = signUp("member");
        Api ben = signUp("joiner");
        JsonNode group = ok(owner.send("POST", "/api/v1/conversations", json(Map.of("kind", "group", "title", "Editors",
                "memberIds", List.of(ann.user.toString())))), 201);
        String id = group.path("id").asString();
        String path = "/api/v1/conversations/" + id;
        assertThat(group.path("title").asString()).isEqualTo("Editors");
        assertThat(group.path("ownerId").asString()).isEqualTo(owner.user.toString());

        problem(ann.send("POST", path + "/members", json(Map.of("userId", ben.user.toString()))), 403, "not-the-owner");
        problem(ann.send("DELETE", path + "/members/" + owner.user, null), 403, "not-the-owner");
        assertThat(ok(owner.send("POST", path + "/members", json(Map.of("userId", ben.user.toString()))), 200)
                .path("members")).hasSize(3);
        assertThat(ben.get(path).path("title").asString()).isEqualTo("Editors");
        ok(owner.send("DELETE", path + "/members/" + ben.user, null), 204);
        problem(ben.send("GET", path, null), 404, "conversation-not-found");
        problem(owner.send("DELETE", path + "/members/" + ben.user, null), 404, "member-not-found");

        // the owner leaves: the group is the remaining member's
        ok(owner.send("DELETE", path + "/members/" + owner.user, null), 204);
        assertThat(ann.get(path).path("ownerId").asString()).isEqualTo(ann.user.toString());
        problem(owner.send("GET", path, null), 404, "conversation-not-found");
        problem(ann.send("POST", "/api/v1/conversations", json(Map.of("kind", "group", "title", " "))), 400, "validation-failed");
        String direct = direct(ann, ben, 201).path("id").asString();
        problem(ann.send("DELETE", "/api/v1/conversations/" + direct + "/members/" + ann.user, null), 400, "not-a-group");
    }

    @Test
    void searchFindsWordsInMyConversationsOnlyAndContactsAreWhomITalkToAndFollow() {
        Api ann = signUp("searcher");
        Api ben = signUp("talker");
        Api eve = signUp("stranger");
        Api dan = signUp("followed");
        String id = direct(ann, ben, 201).path("id").asString();
        say(ann, id, "The lighthouse keeper wrote back.");
        String gone = say(ben, id, "Another lighthouse, elsewhere.").path("id").asString();
        ok(ben.send("DELETE", "/api/v1/conversations/" + id + "/messages/" + gone, null), 204);
        String evesOwn = direct(eve, dan, 201).path("id").asString();
        say(eve, evesOwn, "My own lighthouse.");

        JsonNode found = ok(ann.send("GET", "/api/v1/conversations/search?q=lighthouse", null), 200);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("body").asString()).isEqualTo("The lighthouse keeper wrote back.");
        assertThat(ok(ben.send("GET", "/api/v1/conversations/search?q=keeper%20lighthouse", null), 200)).hasSize(1);
        assertThat(ok(ann.send("GET", "/api/v1/conversations/search?q=%22back%20keeper%22", null), 200))
                .as("a phrase in the wrong order").isEmpty();
        assertThat(ok(ann.send("GET", "/api/v1/conversations/search?q=%27%3B%20drop%20table", null), 200)).isEmpty();
        problem(ann.send("GET", "/api/v1/conversations/search", null), 400, "validation-failed");

        ok(ann.send("PUT", "/api/v1/users/" + dan.user + "/follow", null), 204);
        JsonNode contacts = ok(ann.send("GET", "/api/v1/conversations/contacts", null), 200);
        assertThat(contacts).hasSize(2);
        assertThat(contacts.get(0).path("id").asString()).isEqualTo(ben.user.toString());
        assertThat(contacts.get(0).path("talkedTo").asBoolean()).isTrue();
        assertThat(contacts.get(0).path("username").asString()).startsWith("talker-");
        assertThat(contacts.get(1).path("id").asString()).isEqualTo(dan.user.toString());
        assertThat(contacts.get(1).path("following").asBoolean()).isTrue();
        assertThat(contacts.get(1).path("talkedTo").asBoolean()).isFalse();
    }

    static String upload(Api user, String name, String text) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/files"))
                .header("Authorization", "Bearer " + user.token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return ok(response, 201).path("id").asString();
    }

    @Test
    void aMessageCarriesAFileOfTheSendersThatOnlyMembersCanDownload() throws Exception {
        Api ann = signUp("sender");
        Api ben = signUp("receiver");
        Api eve = signUp("peeker");
        String id = direct(ann, ben, 201).path("id").asString();
        String file = upload(ann, "map.txt", "North of the lighthouse.");
        JsonNode sent = ok(ann.send("POST", "/api/v1/conversations/" + id + "/messages", json(Map.of("file", file))), 201);
        assertThat(sent.path("attachment").path("fileId").asString()).isEqualTo(file);
        assertThat(sent.path("attachment").path("name").asString()).isEqualTo("map.txt");
        assertThat(sent.path("attachment").path("contentType").asString()).startsWith("text/plain");
        String attachment = "/api/v1/conversations/" + id + "/messages/" + sent.path("id").asString() + "/attachment";

        String url = ok(ben.send("GET", attachment, null), 200).path("url").asString();
        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port).resolve(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("North of the lighthouse.");
        problem(eve.send("GET", attachment, null), 404, "conversation-not-found");

        String bensFile = upload(ben, "mine.txt", "Not yours.");
        problem(ann.send("POST", "/api/v1/conversations/" + id + "/messages", json(Map.of("file", bensFile))), 404, "file-not-found");
        problem(ann.send("POST", "/api/v1/conversations/" + id + "/messages", json(Map.of("file", "nope"))), 400, "invalid-file-id");
        String plain = say(ann, id, "No file here.").path("id").asString();
        problem(ben.send("GET", "/api/v1/conversations/" + id + "/messages/" + plain + "/attachment", null), 404, "attachment-not-found");
        ok(ann.send("DELETE", "/api/v1/conversations/" + id + "/messages/" + sent.path("id").asString(), null), 204);
        problem(ben.send("GET", attachment, null), 404, "attachment-not-found");
    }

    @Test
    void aReportedMessageOrUserWaitsInTheAdminsQueueUntilSettledAndTheReporterHearsTheOutcome() {
        Api ann = signUp("reporter");
        Api ben = signUp("reported");
        Api admin = signUp("moderator", ADMIN);
        String id = direct(ann, ben, 201).path("id").asString();
        String rude = say(ben, id, "Something rude.").path("id").asString();
        String path = "/api/v1/conversations/" + id + "/messages/" + rude + "/reports";
        JsonNode report = ok(ann.send("POST", path, json(Map.of("reason", "Insults"))), 201);
        assertThat(ok(ann.send("POST", path, json(Map.of("reason", "Insults again"))), 201).path("id").asString())
                .as("once per reporter").isEqualTo(report.path("id").asString());
        problem(ben.send("POST", path, json(Map.of("reason", "Me?"))), 400, "cannot-report-own-message");
        problem(signUp("nosy").send("POST", path, json(Map.of("reason", "Curious"))), 404, "conversation-not-found");

        problem(ann.send("GET", "/api/v1/conversations/reports", null), 403, "admin-only");
        JsonNode queue = ok(admin.send("GET", "/api/v1/conversations/reports?size=100", null), 200);
        List<String> reported = new ArrayList<>();
        queue.path("items").forEach(item -> reported.add(item.path("messageId").asString() + " " + item.path("body").asString()
                + " " + item.path("reason").asString()));
        assertThat(reported).contains(rude + " Something rude. Insults");

        // a user, not a message: once while open, never oneself, only someone who exists
        JsonNode userReport = ok(ann.send("POST", "/api/v1/conversations/reports/users",
                json(Map.of("userId", ben.user.toString(), "reason", "Harasses me"))), 201);
        assertThat(userReport.path("kind").asString()).isEqualTo("user");
        assertThat(userReport.path("reportedUserId").asString()).isEqualTo(ben.user.toString());
        assertThat(userReport.path("messageId").isNull()).isTrue();
        assertThat(ok(ann.send("POST", "/api/v1/conversations/reports/users",
                json(Map.of("userId", ben.user.toString(), "reason", "Still"))), 200).path("id").asString())
                .isEqualTo(userReport.path("id").asString());
        problem(ann.send("POST", "/api/v1/conversations/reports/users", json(Map.of("userId", ann.user.toString(), "reason", "Me"))), 400,
                "cannot-report-yourself");
        problem(ann.send("POST", "/api/v1/conversations/reports/users", json(Map.of("userId", UUID.randomUUID().toString(),
                "reason", "Ghost"))), 404, "user-not-found");
        problem(ann.send("POST", "/api/v1/conversations/reports/users", json(Map.of("userId", "nope", "reason", "Bad"))), 400,
                "invalid-user-id");
        problem(ann.send("POST", "/api/v1/conversations/reports/users", json(Map.of("userId", ben.user.toString()))), 400,
                "validation-failed");
        JsonNode open = ok(admin.send("GET", "/api/v1/conversations/reports?size=100", null), 200);
        assertThat(open.path("items").findValuesAsString("id")).contains(userReport.path("id").asString(), report.path("id").asString());

        // settling: admins only, once; the reporter hears the outcome, the reported user nothing
        String reports = "/api/v1/conversations/reports/";
        problem(ann.send("POST", reports + report.path("id").asString() + "/resolve", null), 403, "admin-only");
        problem(admin.send("POST", reports + UUID.randomUUID() + "/resolve", null), 404, "report-not-found");
        problem(admin.send("POST", reports + "not-an-id/dismiss", null), 404, "report-not-found");
        JsonNode resolved = ok(admin.send("POST", reports + report.path("id").asString() + "/resolve",
                json(Map.of("note", "Warned the sender."))), 200);
        assertThat(resolved.path("status").asString()).isEqualTo("resolved");
        assertThat(resolved.path("note").asString()).isEqualTo("Warned the sender.");
        problem(admin.send("POST", reports + report.path("id").asString() + "/dismiss", null), 409, "report-settled");
        assertThat(ok(admin.send("POST", reports + userReport.path("id").asString() + "/dismiss", null), 200).path("status").asString())
                .isEqualTo("dismissed");
        problem(admin.send("GET", "/api/v1/conversations/reports?status=closed", null), 400, "invalid-status");
        assertThat(ok(admin.send("GET", "/api/v1/conversations/reports?status=resolved&size=100", null), 200).path("items")
                .findValuesAsString("id")).contains(report.path("id").asString()).doesNotContain(userReport.path("id").asString());
        assertThat(ok(admin.send("GET", "/api/v1/conversations/reports?size=100", null), 200).path("items").findValuesAsString("id"))
                .doesNotContain(report.path("id").asString(), userReport.path("id").asString());

        JsonNode outcomes = NotificationsIntegrationTests.eventually("the outcomes", () -> ok(ann.send("GET", "/api/v1/notifications", null), 200),
                page -> page.path("items").size() == 2);
        List<String> told = new ArrayList<>();
        outcomes.path("items").forEach(item -> told.add(item.path("type").asString() + " " + item.path("title").asString() + " "
                + item.path("data").path("outcome").asString() + " " + item.path("data").path("kind").asString()));
        assertThat(told).containsExactly("moderation-outcome We looked at your report dismissed user",
                "moderation-outcome We acted on your report resolved message");
        assertThat(ok(ben.send("GET", "/api/v1/notifications", null), 200).path("items").findValuesAsString("type"))
                .doesNotContain("moderation-outcome");
    }
}
