package com.authorworks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.platform.UserId;

import tools.jackson.databind.JsonNode;

/**
 * S3 is down from the start: the service still starts, callers get a 503 problem to retry, and
 * once S3 is up the same process works (buckets are created on first use).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class S3UnavailableIntegrationTests {

    private static final Path DATA = TempDirectories.create("s3-down");
    private static final int S3_PORT = closedPort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
        registry.add("authorworks.services", () -> "storage");
        registry.add("authorworks.storage.s3.endpoint", () -> "http://127.0.0.1:" + S3_PORT);
        registry.add("authorworks.storage.s3.access-key", () -> S3ProxyServer.ACCESS_KEY);
        registry.add("authorworks.storage.s3.secret-key", () -> S3ProxyServer.SECRET_KEY);
    }

    @LocalServerPort
    int port;

    @Test
    void uploadWhileS3IsDownIsAServiceUnavailableProblemAndWorksOnceS3IsBack() throws Exception {
        Http http = new Http(port);
        UserId author = UserId.random();

        HttpResponse<byte[]> refused = http.upload(author, "notes.txt", "text/plain", Fixtures.text(100));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = Http.json(refused);
        assertThat(problem.get("code").asString()).isEqualTo("storage-unavailable");
        assertThat(problem.get("detail").asString()).doesNotContain("127.0.0.1");
        assertThat(Http.json(http.get(author, "/api/v1/files")).get("total").asLong()).isZero();

        try (S3ProxyServer s3 = S3ProxyServer.start(TempDirectories.create("s3proxy-late"), S3_PORT)) {
            HttpResponse<byte[]> stored = http.upload(author, "notes.txt", "text/plain", Fixtures.text(100));

            assertThat(stored.statusCode()).isEqualTo(201);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
