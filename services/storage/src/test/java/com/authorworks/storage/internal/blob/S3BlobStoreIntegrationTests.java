package com.authorworks.storage.internal.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.authorworks.storage.BlobNotFoundException;
import com.authorworks.storage.Buckets;
import com.authorworks.storage.Fixtures;
import com.authorworks.storage.S3ProxyServer;
import com.authorworks.storage.StorageUnavailableException;

class S3BlobStoreIntegrationTests {

    private static final long PART_SIZE = 5L * 1024 * 1024;

    @TempDir
    static Path directory;
    static S3ProxyServer server;
    static S3BlobStore store;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start(directory);
        store = new S3BlobStore(server.endpoint(), null, "us-east-1", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY,
                PART_SIZE);
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        server.close();
    }

    @Test
    void blobIsStoredReadAndDeletedInABucketCreatedOnFirstUse() throws Exception {
        byte[] content = Fixtures.random(10_000, 1);

        store.put(Buckets.BOOKS, "author/book/cover", new ByteArrayInputStream(content), content.length, "image/png");

        assertThat(store.exists(Buckets.BOOKS, "author/book/cover")).isTrue();
        try (InputStream in = store.get(Buckets.BOOKS, "author/book/cover")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        store.delete(Buckets.BOOKS, "author/book/cover");
        assertThat(store.exists(Buckets.BOOKS, "author/book/cover")).isFalse();
        assertThatThrownBy(() -> store.get(Buckets.BOOKS, "author/book/cover")).isInstanceOf(BlobNotFoundException.class);
        store.delete(Buckets.BOOKS, "author/book/cover"); // deleting what is gone is fine
    }

    @Test
    void largeBlobGoesUpInPartsAndComesBackByteExact() throws Exception {
        byte[] content = Fixtures.random((int) (2 * PART_SIZE + 12345), 2);

        store.put(Buckets.EXPORTS, "author/export.pdf", new ByteArrayInputStream(content), content.length,
                "application/pdf");

        try (InputStream in = store.get(Buckets.EXPORTS, "author/export.pdf")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void presignedUrlServesTheBlobOverHttpToAnyone() throws Exception {
        byte[] content = Fixtures.random(4096, 3);
        store.put(Buckets.UPLOADS, "author/file", new ByteArrayInputStream(content), content.length, "audio/mpeg");

        URI url = store.presignedGet(Buckets.UPLOADS, "author/file", Duration.ofMinutes(5), "Chapter 1.mp3")
                .orElseThrow();
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("Chapter"));

        URI forged = URI.create(url.toString().replace("author/file", "author/other"));
        assertThat(forged).isNotEqualTo(url);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(forged).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
    }

    @Test
    void keysThatCouldLeaveTheBucketAreRefused() {
        for (String key : List.of("../secrets", "a/../../b", "/absolute", "a//b", ".hidden", "a\\b")) {
            assertThatThrownBy(() -> store.put(Buckets.UPLOADS, key, new ByteArrayInputStream(new byte[1]), 1,
                    "text/plain")).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unreachableStoreFailsWithTheTypedException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (S3BlobStore down = new S3BlobStore(URI.create("http://127.0.0.1:" + closedPort), null, "us-east-1", "a", "b",
                PART_SIZE)) {
            down.prepareBuckets(Buckets.ALL); // logs, does not throw: startup must not depend on S3

            assertThatThrownBy(() -> down.put(Buckets.UPLOADS, "k", new ByteArrayInputStream(new byte[1]), 1,
                    "text/plain")).isInstanceOf(StorageUnavailableException.class);
            assertThatThrownBy(() -> down.get(Buckets.UPLOADS, "k")).isInstanceOf(StorageUnavailableException.class);
            assertThatThrownBy(() -> down.delete(Buckets.UPLOADS, "k")).isInstanceOf(StorageUnavailableException.class);
        }
    }
}
