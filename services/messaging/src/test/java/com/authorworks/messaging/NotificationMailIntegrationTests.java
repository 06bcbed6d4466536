package com.authorworks.messaging;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import com.authorworks.content.BookGenerationCompleted;
import com.authorworks.content.BookGenerationFailed;
import com.authorworks.content.BookId;
import com.authorworks.content.GenerationJobId;
import com.authorworks.platform.UserId;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;

/**
 * Preferences and email: identity signs users up and holds their addresses, messaging mails through
 * identity's mailer to a real SMTP server (GreenMail), and each mail's signed link unsubscribes in one
 * click. Content's generation events are published here as content publishes them (the real generation
 * path to a notification is {@link NotificationsIntegrationTests}'s).
 */
@Timeout(240)
class NotificationMailIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_.%-]+)");
    private static final Path DATA = Path.of("target", "it-data", "mail-" + UUID.randomUUID()).toAbsolutePath();

    static ConfigurableApplicationContext server;
    static int port;

    @BeforeAll
    static void start() {
        server = new SpringApplicationBuilder(MessagingWithIdentityTestApplication.class).properties(
                "server.port=0", "logging.level.root=WARN", "authorworks.services=identity,content,storage,messaging",
                "authorworks.data=" + DATA, "SMTP_HOST=127.0.0.1", "SMTP_PORT=" + SMTP.getSmtp().getPort(),
                "AUTHORWORKS_PUBLIC_URL=https://books.example", "SMTP_FROM=AuthorWorks <hello@authorworks.example>").run();
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        server.close();
        FileSystemUtils.deleteRecursively(DATA.toFile());
    }

    record User(UUID id, String email, String token) {
        Api api() {
            return Api.withToken(port, id, token);
        }
    }

    /** Signs up the way a person does: register, the link in the verification mail, sign in. */
    static User signUp() throws Exception {
        String name = "reader-" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.test";
        Api anonymous = Api.anonymous(port);
        String id = Api.ok(anonymous.send("POST", "/api/v1/auth/register",
                json(Map.of("email", email, "username", name, "password", "correct horse battery"))), 201).path("id").asString();
        String token = tokenIn(lastMailTo(email, "Confirm your email"));
        Api.ok(anonymous.send("POST", "/api/v1/auth/verify-email", json(Map.of("token", token))), 204);
        String access = Api.ok(anonymous.send("POST", "/api/v1/auth/login",
                json(Map.of("email", email, "password", "correct horse battery"))), 200).path("accessToken").asString();
        return new User(UUID.fromString(id), email, access);
    }

    static MimeMessage lastMailTo(String email, String subject) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            MimeMessage found = null;
            for (MimeMessage mail : SMTP.getReceivedMessages()) {
                if (mail.getAllRecipients()[0].toString().equals(email) && mail.getSubject().contains(subject)) {
                    found = mail;
                }
            }
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail '" + subject + "' to " + email);
    }

    static long mailsTo(String email) throws Exception {
        long count = 0;
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            if (mail.getAllRecipients()[0].toString().equals(email)) {
                count++;
            }
        }
        return count;
    }

    /** The text as a reader sees it (decoded from quoted-printable, which long lines are sent in). */
    static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String tokenIn(MimeMessage mail) {
        Matcher token = TOKEN.matcher(text(mail));
        assertThat(token.find()).as(text(mail)).isTrue();
        return URLDecoder.decode(token.group(1), StandardCharsets.UTF_8);
    }

    static void finished(User user, String title) {
        publish(new BookGenerationCompleted(BookId.random(), new UserId(user.id()), new GenerationJobId(UUID.randomUUID()), title));
    }

    static void publish(Object event) {
        server.getBean(TransactionTemplate.class).executeWithoutResult(tx -> server.publishEvent(event));
    }

    static JsonNode notifications(User user, int count) {
        return NotificationsIntegrationTests.eventually(count + " notifications", () -> user.api().get("/api/v1/notifications"),
                page -> page.path("items").size() == count);
    }

    @Test
    void aFinishedBookIsMailedByDefaultAndTheMailsLinkStopsTheseMailsInOneClick() throws Exception {
        User user = signUp();
        finished(user, "The Salt Road");
        MimeMessage mail = lastMailTo(user.email(), "“The Salt Road” is written");
        String body = text(mail);
        assertThat(body).contains("Every scene is drafted").contains("https://books.example/books/");
        String header = mail.getHeader("List-Unsubscribe")[0];
        assertThat(header).startsWith("<https://books.example/api/v1/notifications/unsubscribe?token=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String token = URLDecoder.decode(header.substring(header.indexOf("token=") + 6, header.length() - 1), StandardCharsets.UTF_8);
        assertThat(tokenIn(mail)).as("the link in the text is the same token").isEqualTo(token);
        notifications(user, 1);

        // an altered or foreign token does nothing
        Api anonymous = Api.anonymous(port);
        Api.problem(anonymous.send("POST", "/api/v1/notifications/unsubscribe?token=" + tamper(token), null), 400, "invalid-unsubscribe-token");
        Api.problem(anonymous.send("POST", "/api/v1/notifications/unsubscribe?token=abc", null), 400, "invalid-unsubscribe-token");
        assertThat(anonymous.get("/api/v1/notifications/unsubscribe?token=" + token).path("channel").asString()).isEqualTo("email");

        // the mail client's one-click POST (RFC 8058), signed out
        HttpResponse<String> oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/notifications/unsubscribe?token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).as(oneClick.body()).isEqualTo(200);
        assertThat(user.api().get("/api/v1/notifications/preferences").path("channels").path("generation-finished").asString())
                .isEqualTo("in-app");

        long before = mailsTo(user.email());
        finished(user, "The Second Road");
        notifications(user, 2);
        Thread.sleep(1_000);
        assertThat(mailsTo(user.email())).as("no more mails of this type").isEqualTo(before);
    }

    @Test
    void preferencesChooseTheChannelOfEachTypeAndNoneKeepsNothing() throws Exception {
        User user = signUp();
        Api api = user.api();
        JsonNode defaults = api.get("/api/v1/notifications/preferences");
        assertThat(defaults.path("channels").path("generation-finished").asString()).isEqualTo("email");
        assertThat(defaults.path("channels").path("book-published").asString()).isEqualTo("in-app");
        assertThat(defaults.path("defaults").path("generation-failed").asString()).isEqualTo("email");

        JsonNode changed = Api.ok(api.send("PUT", "/api/v1/notifications/preferences",
                json(Map.of("channels", Map.of("generation-failed", "none", "generation-finished", "in-app")))), 200);
        assertThat(changed.path("channels").path("generation-failed").asString()).isEqualTo("none");
        assertThat(changed.path("channels").path("book-published").asString()).as("not named: unchanged").isEqualTo("in-app");

        Api.problem(api.send("PUT", "/api/v1/notifications/preferences", json(Map.of("channels", Map.of("gossip", "email")))), 400,
                "unknown-notification-type");
        Api.problem(api.send("PUT", "/api/v1/notifications/preferences", json(Map.of("channels", Map.of("book-published", "pigeon")))),
                400, "invalid-channel");
        Api.problem(api.send("PUT", "/api/v1/notifications/preferences", json(Map.of("channels", Map.of("announcement", "none")))),
                400, "channel-not-allowed");
        Api.problem(api.send("PUT", "/api/v1/notifications/preferences", "{}"), 400, "validation-failed");
        Api.problem(api.send("PUT", "/api/v1/notifications/preferences", "{\"channels\": [1]}"), 400, "malformed-body");

        long before = mailsTo(user.email());
        publish(new BookGenerationFailed(BookId.random(), new UserId(user.id()), new GenerationJobId(UUID.randomUUID()), "Lost",
                "The model refused."));
        finished(user, "Kept");
        JsonNode page = notifications(user, 1);
        assertThat(page.path("items").get(0).path("title").asString()).isEqualTo("“Kept” is written");
        Thread.sleep(1_000);
        assertThat(api.get("/api/v1/notifications").path("items")).as("the failure was not kept").hasSize(1);
        assertThat(mailsTo(user.email())).as("in-app only: no mail").isEqualTo(before);
    }

    /** The same token for another user: one character of the signed part changed (the signature no longer fits). */
    static String tamper(String token) {
        int at = 10;
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }
}
