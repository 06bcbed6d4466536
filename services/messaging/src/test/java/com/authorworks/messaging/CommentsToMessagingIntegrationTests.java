package com.authorworks.messaging;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.authorworks.platform.testing.Api;

import tools.jackson.databind.JsonNode;

/**
 * Comments to notifications, every part real in one process: users sign up with identity (their usernames
 * and blocks are identity's), publish with content, comment with discovery, and messaging tells the book's
 * author of a comment, the answered reader of a reply and the mentioned of a mention, never anyone of their
 * own comment, and nobody across a block.
 */
@Timeout(300)
class CommentsToMessagingIntegrationTests {

    private static final Path DATA = Path.of("target", "it-data", "comments-" + UUID.randomUUID()).toAbsolutePath();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    static ConfigurableApplicationContext server;
    static int port;

    @BeforeAll
    static void start() {
        server = new SpringApplicationBuilder(MessagingWithIdentityTestApplication.class).properties(
                "server.port=0", "logging.level.root=WARN", "authorworks.services=identity,content,storage,discovery,messaging",
                "authorworks.data=" + DATA).run();
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        server.close();
        FileSystemUtils.deleteRecursively(DATA.toFile());
    }

    record User(UUID id, String username, Api api) {
    }

    /** Signs up the way a person does: register, the link in the verification mail (the dev outbox), sign in. */
    static User signUp(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.test";
        Api anonymous = Api.anonymous(port);
        String id = ok(anonymous.send("POST", "/api/v1/auth/register",
                json(Map.of("email", email, "username", name, "password", "correct horse battery"))), 201).path("id").asString();
        ok(anonymous.send("POST", "/api/v1/auth/verify-email", json(Map.of("token", tokenMailedTo(email)))), 204);
        String access = ok(anonymous.send("POST", "/api/v1/auth/login",
                json(Map.of("email", email, "password", "correct horse battery"))), 200).path("accessToken").asString();
        return new User(UUID.fromString(id), name, Api.withToken(port, UUID.fromString(id), access));
    }

    static String tokenMailedTo(String email) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
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
                Thread.sleep(100);
            } catch (java.nio.file.NoSuchFileException e) {
                // no mail yet
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no verification mail to " + email);
    }

    /** The user's notifications about comments, as "type | title | body". */
    static List<String> told(User user) {
        List<String> seen = new ArrayList<>();
        user.api().get("/api/v1/notifications?size=100").path("items").forEach(n -> {
            String type = n.path("type").asString();
            if (type.equals("comment") || type.equals("reply") || type.equals("mention")) {
                seen.add(type + " | " + n.path("title").asString() + " | " + n.path("body").asString());
            }
        });
        return seen;
    }

    static String publish(User author, String title) {
        Api api = author.api();
        String book = ok(api.send("POST", "/api/v1/books", json(Map.of("title", title))), 201).path("id").asString();
        String chapter = ok(api.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        ok(api.send("POST", "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", "Opening", "content", "<p>The bells rang.</p>"))), 201);
        ok(api.send("PATCH", "/api/v1/books/" + book + "/publication", json(Map.of("blurb", "Bells.", "genre", "literary", "tags", List.of("bells")))),
                200);
        ok(api.send("POST", "/api/v1/books/" + book + "/publish", null), 200);
        NotificationsIntegrationTests.eventually("discovery to list " + book,
                () -> api.send("GET", "/api/v1/discover/books/" + book + "/reviews", null).statusCode(), status -> status == 200);
        return "/api/v1/discover/books/" + book + "/chapters/" + chapter + "/comments";
    }

    static String comment(User user, String comments, String body, String parent) {
        Map<String, Object> request = parent == null ? Map.of("body", body) : Map.of("body", body, "parentId", parent);
        return ok(user.api().send("POST", comments, json(request)), 201).path("id").asString();
    }

    void settled() {
        JdbcClient db = server.getBean(JdbcClient.class);
        NotificationsIntegrationTests.eventually("every publication to be handled", () -> db.sql(
                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL").query(Long.class).single(), n -> n == 0);
    }

    @Test
    void theAuthorHearsOfACommentTheAnsweredOfAReplyAndTheMentionedOfAMentionButNobodyOfTheirOwn() {
        User author = signUp("author");
        User ada = signUp("ada");
        User bram = signUp("bram");
        User cleo = signUp("cleo");
        String comments = publish(author, "The Bell Tower");

        String first = comment(ada, comments, "Lovely bells, @" + cleo.username().toUpperCase() + " must read this. @nobody-by-this-name too.", null);
        comment(author, comments, "Thank you! Do you agree, @" + ada.username() + "?", first);
        comment(bram, comments, "Seconded, @" + ada.username() + " and @" + author.username() + ".", first);
        comment(ada, comments, "My own comment on my own thread, @" + ada.username(), first);
        settled();

        assertThat(told(author)).as("every comment on the book but their own, a reply included").containsExactlyInAnyOrder(
                "comment | A new comment on “The Bell Tower” | Lovely bells, @" + cleo.username().toUpperCase()
                        + " must read this. @nobody-by-this-name too.",
                "comment | A new comment on “The Bell Tower” | My own comment on my own thread, @" + ada.username(),
                "mention | You were mentioned in a comment on “The Bell Tower” | Seconded, @" + ada.username() + " and @" + author.username() + ".");
        assertThat(told(ada)).as("one notification each, the reply winning over the mention; none of her own").containsExactlyInAnyOrder(
                "reply | A reply to your comment on “The Bell Tower” | Thank you! Do you agree, @" + ada.username() + "?",
                "reply | A reply to your comment on “The Bell Tower” | Seconded, @" + ada.username() + " and @" + author.username() + ".");
        assertThat(told(cleo)).containsExactly("mention | You were mentioned in a comment on “The Bell Tower” | Lovely bells, @"
                + cleo.username().toUpperCase() + " must read this. @nobody-by-this-name too.");
        assertThat(told(bram)).isEmpty();

        JsonNode data = cleo.api().get("/api/v1/notifications").path("items").get(0);
        assertThat(data.path("link").asString()).startsWith("/books/").contains("/read?chapter=").endsWith("&comment=" + first);
        assertThat(data.path("data").path("commentId").asString()).isEqualTo(first);
        assertThat(data.path("data").path("authorId").asString()).isEqualTo(ada.id().toString());
    }

    @Test
    void aBlockedReaderCannotAnswerTheBlockerAndTheirMentionsAndCommentsReachNobodyAcrossTheBlock() {
        User author = signUp("author");
        User ada = signUp("ada");
        User troll = signUp("troll");
        String comments = publish(author, "The Quiet Tower");
        String adas = comment(ada, comments, "A quiet book.", null);
        ok(ada.api().send("PUT", "/api/v1/users/me/blocks/" + troll.id(), null), 204);
        ok(author.api().send("PUT", "/api/v1/users/me/blocks/" + troll.id(), null), 204);

        assertThat(troll.api().send("POST", comments, json(Map.of("body", "Listen to me", "parentId", adas))).statusCode())
                .as("the blocker's comment is not there for the blocked").isEqualTo(404);
        comment(troll, comments, "Hey @" + ada.username() + ", look at me.", null);
        String open = comment(ada, comments, "Another thought.", null);
        settled();

        assertThat(told(ada)).as("no mention across the block").isEmpty();
        assertThat(told(author)).as("the troll's comment tells the author nothing; Ada's two do").containsExactlyInAnyOrder(
                "comment | A new comment on “The Quiet Tower” | A quiet book.",
                "comment | A new comment on “The Quiet Tower” | Another thought.");
        List<String> shown = new ArrayList<>();
        ada.api().get(comments).path("items").forEach(c -> shown.add(c.path("body").asString()));
        assertThat(shown).as("Ada does not see the troll's comment").containsExactly("A quiet book.", "Another thought.");
        assertThat(open).isNotBlank();
    }
}
