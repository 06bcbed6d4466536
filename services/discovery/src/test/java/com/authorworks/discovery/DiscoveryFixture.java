package com.authorworks.discovery;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.platform.testing.Api;

/**
 * What discovery's integration tests share: each test context gets its own data directory (so its own search
 * index), users signed up through the test key, and books written and published through content's API the way an
 * author does (a chapter with one scene, the listing, then publish), waited for until discovery has them.
 */
abstract class DiscoveryFixture {

    /** A new directory each time a context is made: two contexts never share an index (one process writes it). */
    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        Path data = createData();
        registry.add("authorworks.data", data::toString);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient db;

    Api newUser(String... roles) {
        return Api.newUser(port, roles);
    }

    Api anonymous() {
        return Api.anonymous(port);
    }

    /** A published book and its first chapter. */
    record Published(String book, String chapter) {

        String comments() {
            return "/api/v1/discover/books/" + book + "/chapters/" + chapter + "/comments";
        }
    }

    /** A chapter of the book with one scene of {@code text} (a paragraph). */
    static String chapter(Api author, String book, String title, String text) {
        String chapter = ok(author.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", title))), 201)
                .path("id").asString();
        ok(author.send("POST", "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", title, "content", "<p>" + text + "</p>"))), 201);
        return chapter;
    }

    /** Writes a book with one chapter ("One", a scene of {@code text}), sets its listing and publishes it; does not wait for discovery. */
    static Published publishBook(Api author, String title, String text, Map<String, ?> listing) {
        String book = ok(author.send("POST", "/api/v1/books", json(Map.of("title", title))), 201).path("id").asString();
        String chapter = chapter(author, book, "One", text);
        ok(author.send("PATCH", "/api/v1/books/" + book + "/publication", json(new HashMap<>(listing))), 200);
        ok(author.send("POST", "/api/v1/books/" + book + "/publish", null), 200);
        return new Published(book, chapter);
    }

    /** Waits until discovery's catalogue holds the book (its listener ran after content's commit). */
    void awaitCatalogued(String book) {
        eventually("the book " + book + " in the catalogue", () -> db.sql("SELECT count(*) FROM discovery.books WHERE id = :id")
                .param("id", UUID.fromString(book)).query(Long.class).single(), n -> n == 1);
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
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
            return Files.createTempDirectory("discovery-tests");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
