package com.authorworks.messaging;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookGenerationCompleted;
import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.ChapterPublished;
import com.authorworks.content.GenerationJobId;
import com.authorworks.discovery.CommentId;
import com.authorworks.discovery.CommentPosted;
import com.authorworks.discovery.FollowedBookUpdated;
import com.authorworks.messaging.internal.MessagingClock;
import com.authorworks.platform.UserId;
import com.authorworks.platform.testing.Api;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;

/**
 * Levels per book and author, quiet hours, digests and the durable mail outbox, with identity's real sign-ups and
 * mailer and a real SMTP server (GreenMail) that the tests stop and start again on the same port. Time is the
 * messaging clock's, which the tests move forward; the outbox's retries run on the database's time, in milliseconds
 * here.
 */
@Timeout(300)
class NotificationLevelsAndMailIntegrationTests {

    private static final Path DATA = Path.of("target", "it-data", "levels-" + UUID.randomUUID()).toAbsolutePath();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_.%-]+)");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static int smtpPort;
    static volatile GreenMail smtp;
    static ConfigurableApplicationContext server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        startSmtp();
        server = new SpringApplicationBuilder(MessagingWithIdentityTestApplication.class).properties(
                "server.port=0", "logging.level.root=WARN", "authorworks.services=identity,content,storage,messaging",
                "authorworks.data=" + DATA, "SMTP_HOST=127.0.0.1", "SMTP_PORT=" + smtpPort,
                "AUTHORWORKS_PUBLIC_URL=https://books.example", "SMTP_FROM=AuthorWorks <hello@authorworks.example>",
                "authorworks.messaging.mail.attempts=5", "authorworks.messaging.mail.backoff=300ms",
                "authorworks.messaging.mail.max-backoff=1s", "authorworks.messaging.mail.poll=100ms",
                "authorworks.messaging.mail.release-every=200ms").run();
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
        FileSystemUtils.deleteRecursively(DATA.toFile());
    }

    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    record User(UUID id, String email, Api api) {
        UserId userId() {
            return new UserId(id);
        }
    }

    static User signUp() throws Exception {
        String name = "reader-" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.test";
        Api anonymous = Api.anonymous(port);
        String id = ok(anonymous.send("POST", "/api/v1/auth/register",
                json(Map.of("email", email, "username", name, "password", "correct horse battery"))), 201).path("id").asString();
        Matcher token = TOKEN.matcher(text(mailTo(email, "Confirm your email")));
        assertThat(token.find()).isTrue();
        ok(anonymous.send("POST", "/api/v1/auth/verify-email", json(Map.of("token", java.net.URLDecoder.decode(token.group(1),
                java.nio.charset.StandardCharsets.UTF_8)))), 204);
        String access = ok(anonymous.send("POST", "/api/v1/auth/login",
                json(Map.of("email", email, "password", "correct horse battery"))), 200).path("accessToken").asString();
        return new User(UUID.fromString(id), email, Api.withToken(port, UUID.fromString(id), access));
    }

    static MimeMessage mailTo(String email, String subject) throws Exception {
        return NotificationsIntegrationTests.eventually("a mail '" + subject + "' to " + email, () -> mails(email).stream()
                .filter(mail -> subject(mail).contains(subject)).findFirst().orElse(null), found -> found != null);
    }

    static List<MimeMessage> mails(String email) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (mail.getAllRecipients()[0].toString().equals(email)) {
                    found.add(mail);
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return found;
    }

    static List<String> subjects(User user) {
        return mails(user.email()).stream().map(NotificationLevelsAndMailIntegrationTests::subject)
                .filter(subject -> !subject.contains("Confirm your email")).toList();
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void publish(Object event) {
        server.getBean(TransactionTemplate.class).executeWithoutResult(tx -> server.publishEvent(event));
    }

    static void finished(User user, String title) {
        publish(new BookGenerationCompleted(BookId.random(), user.userId(), new GenerationJobId(UUID.randomUUID()), title));
    }

    /** The user's outbox rows as "KIND STATUS attempts notifications". */
    static List<String> outbox(User user) {
        return server.getBean(JdbcClient.class).sql("""
                        SELECT kind || ' ' || status || ' ' || attempts || ' ' || cardinality(notification_ids) FROM messaging.mail_outbox
                        WHERE user_id = :user ORDER BY created_at""").param("user", user.id()).query(String.class).list();
    }

    static List<String> titles(User user) {
        return NotificationsIntegrationTests.titles(user.api().get("/api/v1/notifications?size=100"));
    }

    static List<String> titlesOnceSettled(User user, int count) {
        return NotificationsIntegrationTests.eventually(count + " notifications of " + user.email(), () -> titles(user),
                titles -> titles.size() >= count);
    }

    static MessagingClock clock() {
        return server.getBean(MessagingClock.class);
    }

    // --- levels --------------------------------------------------------------------------------

    @Test
    void aMutedBookOrAuthorMakesNothingAWatchedOneEverythingAndTheBookWinsOverItsAuthor() throws Exception {
        User reader = signUp();
        User author = signUp();
        BookId muted = BookId.random();
        BookId watched = BookId.random();
        BookId other = BookId.random();
        Api api = reader.api();
        String levels = "/api/v1/notifications/preferences/";

        assertThat(api.get(levels + "books/" + muted.value()).path("level").asString()).isEqualTo("normal");
        assertThat(ok(api.send("PUT", levels + "books/" + muted.value(), json(Map.of("level", "muted"))), 200).path("level").asString())
                .isEqualTo("muted");
        ok(api.send("PUT", levels + "authors/" + author.id(), json(Map.of("level", "muted"))), 200);
        ok(api.send("PUT", levels + "books/" + watched.value(), json(Map.of("level", "watching"))), 200);
        JsonNode mine = api.get(levels + "scopes");
        assertThat(mine.path("items").size()).isEqualTo(3);
        assertThat(mine.path("items").findValuesAsString("scope")).containsOnly("books", "authors");

        problem(api.send("PUT", levels + "tags/fantasy", json(Map.of("level", "muted"))), 400, "unknown-scope");
        problem(api.send("GET", levels + "series/" + UUID.randomUUID(), null), 400, "unknown-scope");
        problem(api.send("PUT", levels + "books/" + other.value(), json(Map.of("level", "loud"))), 400, "invalid-level");
        problem(api.send("PUT", levels + "books/" + other.value(), json(Map.of())), 400, "validation-failed");
        problem(api.send("PUT", levels + "books/not-a-book", json(Map.of("level", "muted"))), 400, "invalid-scope-id");
        problem(api.send("PUT", levels + "authors/" + reader.id(), json(Map.of("level", "muted"))), 400, "cannot-scope-yourself");
        assertThat(ok(api.send("PUT", levels + "books/" + other.value(), json(Map.of("level", "tracking"))), 200).path("level").asString())
                .as("tracking is Discourse's name for normal").isEqualTo("normal");

        // new chapters of the three books, the reader following each
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        for (BookId book : List.of(muted, watched, other)) {
            publish(new FollowedBookUpdated(book, author.userId(), "Book " + book.value(), new ChapterId(UUID.randomUUID()), 2, "Two", at,
                    List.of(reader.userId())));
        }
        // comments on them by a third person
        User commenter = signUp();
        for (BookId book : List.of(muted, watched, other)) {
            publish(new CommentPosted(new CommentId(UUID.randomUUID()), book, new ChapterId(UUID.randomUUID()), commenter.userId(),
                    author.userId(), "Book " + book.value(), null, null, List.of(), "Nice."));
        }
        // the watched book: every comment reaches the reader, though they neither wrote the book nor were answered
        List<String> titles = titlesOnceSettled(reader, 2);
        Thread.sleep(500);
        assertThat(titles(reader)).containsExactlyInAnyOrder("A new chapter of “Book " + watched.value() + "”",
                "A new comment on “Book " + watched.value() + "”");
        assertThat(titles).doesNotContain("A new chapter of “Book " + muted.value() + "”");

        // back to normal: the author's mute applies to the book again; clearing that too lets its chapters through
        ok(api.send("DELETE", levels + "authors/" + author.id(), null), 204);
        publish(new FollowedBookUpdated(other, author.userId(), "Other", new ChapterId(UUID.randomUUID()), 3, null, at,
                List.of(reader.userId())));
        assertThat(titlesOnceSettled(reader, 3)).contains("A new chapter of “Other”");
    }

    @Test
    void watchingABookOrItsAuthorTellsOfEachChapterFollowedOrNotOnceAndEvenWhenTheTypeIsOff() throws Exception {
        User watcher = signUp();
        User follower = signUp();
        User author = signUp();
        BookId book = BookId.random();
        BookId another = BookId.random();
        ok(watcher.api().send("PUT", "/api/v1/notifications/preferences/books/" + book.value(), json(Map.of("level", "watching"))), 200);
        ok(follower.api().send("PUT", "/api/v1/notifications/preferences/authors/" + author.id(), json(Map.of("level", "watching"))), 200);
        ok(follower.api().send("PUT", "/api/v1/notifications/preferences", json(Map.of("channels", Map.of("new-chapter", "none")))), 200);

        ChapterId chapter = new ChapterId(UUID.randomUUID());
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        // discovery tells the follower; content's release reaches the watchers (the follower watches the author too)
        publish(new FollowedBookUpdated(book, author.userId(), "The Tide", chapter, 4, "Four", at, List.of(follower.userId())));
        publish(new ChapterPublished(book, author.userId(), chapter, 4, "Four", "The Tide", AccessPolicy.Readership.ANYONE, 1000, at, false));
        publish(new ChapterPublished(another, author.userId(), new ChapterId(UUID.randomUUID()), 1, "One", "Another",
                AccessPolicy.Readership.OWNER, 10, at, false));

        assertThat(titlesOnceSettled(watcher, 1)).containsExactly("A new chapter of “The Tide”");
        assertThat(titlesOnceSettled(follower, 1)).as("watching the author: in the app though the type is off")
                .containsExactly("A new chapter of “The Tide”");
        Thread.sleep(500);
        assertThat(titles(follower)).as("once, followed and watched, and not of a book only its owner reads").hasSize(1);
        assertThat(titles(watcher)).hasSize(1);
        assertThat(titles(author)).isEmpty();
    }

    // --- quiet hours, digests, the outbox ------------------------------------------------------

    @Test
    void mailDueInTheQuietHoursIsHeldUntilTheyEndWhileTheAppHearsAtOnce() throws Exception {
        User user = signUp();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZonedDateTime now = clock().instant().atZone(tokyo);
        String start = now.minusHours(1).format(HH_MM);
        String end = now.plusHours(1).format(HH_MM);
        JsonNode set = ok(user.api().send("PUT", "/api/v1/notifications/preferences/mail",
                json(Map.of("timeZone", "Asia/Tokyo", "quietHours", Map.of("start", start, "end", end)))), 200);
        assertThat(set.path("quietHours").path("start").asString()).isEqualTo(start);
        assertThat(user.api().get("/api/v1/notifications/preferences/mail").path("timeZone").asString()).isEqualTo("Asia/Tokyo");

        finished(user, "The Quiet Road");
        assertThat(titlesOnceSettled(user, 1)).containsExactly("“The Quiet Road” is written");
        assertThat(outbox(user)).containsExactly("NOTIFICATION HELD 0 1");
        Thread.sleep(800); // four releases of held mail: none is due
        assertThat(subjects(user)).isEmpty();

        clock().advance(Duration.ofMinutes(61).plus(Duration.ofSeconds(now.getSecond())));
        assertThat(text(mailTo(user.email(), "“The Quiet Road” is written"))).contains("Every scene is drafted");
        NotificationsIntegrationTests.eventually("the mail sent", () -> outbox(user), rows -> rows.equals(List.of("NOTIFICATION SENT 1 1")));

        Api api = user.api();
        String mail = "/api/v1/notifications/preferences/mail";
        problem(api.send("PUT", mail, json(Map.of("timeZone", "Mars/Olympus"))), 400, "invalid-time-zone");
        problem(api.send("PUT", mail, json(Map.of("timeZone", "+02:00"))), 400, "invalid-time-zone");
        problem(api.send("PUT", mail, json(Map.of())), 400, "validation-failed");
        problem(api.send("PUT", mail, json(Map.of("timeZone", "UTC", "quietHours", Map.of("start", "25:00", "end", "07:00")))), 400,
                "invalid-quiet-hours");
        problem(api.send("PUT", mail, json(Map.of("timeZone", "UTC", "quietHours", Map.of("start", "07:00", "end", "07:00")))), 400,
                "invalid-quiet-hours");
        problem(api.send("PUT", mail, json(Map.of("timeZone", "UTC", "digest", "hourly"))), 400, "invalid-digest");
    }

    @Test
    void typesSetToTheDigestGoIntoOneMailAtTheEndOfThePeriod() throws Exception {
        User user = signUp();
        Api api = user.api();
        ok(api.send("PUT", "/api/v1/notifications/preferences/mail", json(Map.of("timeZone", "Europe/Paris", "digest", "daily"))), 200);
        JsonNode channels = ok(api.send("PUT", "/api/v1/notifications/preferences",
                json(Map.of("channels", Map.of("generation-finished", "digest", "new-rating", "digest")))), 200);
        assertThat(channels.path("channels").path("generation-finished").asString()).isEqualTo("digest");

        finished(user, "First Light");
        finished(user, "Second Light");
        publish(new com.authorworks.discovery.BookRated(BookId.random(), new UserId(UUID.randomUUID()), user.userId(), "Third Light", 4,
                false, 1));
        titlesOnceSettled(user, 3);
        assertThat(outbox(user)).containsExactly("DIGEST HELD 0 3");
        Thread.sleep(600);
        assertThat(subjects(user)).isEmpty();

        clock().advance(Duration.ofHours(25));
        MimeMessage digest = mailTo(user.email(), "Your daily digest: 3 notifications");
        assertThat(text(digest)).contains("“First Light” is written", "“Second Light” is written", "A rating for “Third Light”",
                "Stop generation-finished mails", "Stop new-rating mails");
        assertThat(digest.getHeader("List-Unsubscribe")[0]).startsWith("<https://books.example/api/v1/notifications/unsubscribe?token=");
        NotificationsIntegrationTests.eventually("the digest sent", () -> outbox(user), rows -> rows.equals(List.of("DIGEST SENT 1 3")));

        // the next one opens a new digest
        finished(user, "Fourth Light");
        NotificationsIntegrationTests.eventually("a new digest", () -> outbox(user), rows -> rows.size() == 2);
        assertThat(outbox(user).get(1)).isEqualTo("DIGEST HELD 0 1");
        assertThat(subjects(user)).hasSize(1);
    }

    @Test
    void aMailTheServerDidNotTakeIsRetriedWithBackoffAndGivenUpAfterTheAttemptsAllowed() throws Exception {
        User user = signUp();
        User unlucky = signUp();
        smtp.stop();
        try {
            finished(user, "The Patient Road");
            NotificationsIntegrationTests.eventually("a failed attempt", () -> outbox(user),
                    rows -> rows.equals(List.of("NOTIFICATION RETRY 1 1")));
            assertThat(server.getBean(JdbcClient.class).sql("SELECT last_error FROM messaging.mail_outbox WHERE user_id = :user")
                    .param("user", user.id()).query(String.class).single()).contains("SMTP");
        } finally {
            startSmtp();
        }
        mailTo(user.email(), "“The Patient Road” is written");
        NotificationsIntegrationTests.eventually("the retried mail sent", () -> outbox(user),
                rows -> rows.size() == 1 && rows.getFirst().startsWith("NOTIFICATION SENT"));

        smtp.stop();
        try {
            finished(unlucky, "The Lost Road");
            NotificationsIntegrationTests.eventually("given up", () -> outbox(unlucky), rows -> rows.equals(List.of("NOTIFICATION GIVEN_UP 5 1")));
        } finally {
            startSmtp();
        }
        Thread.sleep(800);
        assertThat(subjects(unlucky)).as("a given-up mail stays given up").isEmpty();
        assertThat(titles(unlucky)).as("the app has it all the same").containsExactly("“The Lost Road” is written");
    }
}
