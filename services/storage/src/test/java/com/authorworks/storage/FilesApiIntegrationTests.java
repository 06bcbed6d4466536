package com.authorworks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.platform.UserId;
import com.authorworks.platform.testing.TestAccessTokens;

import tools.jackson.databind.JsonNode;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilesApiIntegrationTests {

    private static final Path DATA = TempDirectories.create("files-api");
    private static final String SIGNING_KEY = "test-signing-key-that-is-long-enough-0123456789";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
        registry.add("authorworks.services", () -> "storage");
        registry.add("spring.servlet.multipart.max-file-size", () -> "3MB");
        registry.add("spring.servlet.multipart.max-request-size", () -> "3MB");
        registry.add("authorworks.storage.max-file-size", () -> "1MB");
        registry.add("authorworks.storage.quota", () -> "2MB");
        registry.add("authorworks.storage.signing-key", () -> SIGNING_KEY);
    }

    @LocalServerPort
    int port;

    @Autowired
    Files files;

    private Http http() {
        return new Http(port);
    }

    @Test
    void uploadedFileIsDescribedListedAndDownloadedByteExactThroughItsSignedLink() {
        UserId author = UserId.random();
        byte[] manuscript = "# Chapter One\n\nIt was a dark and stormy night.\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> created = http().upload(author, "chapter-one.md", "application/octet-stream", manuscript);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode file = Http.json(created);
        String id = file.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/files/" + id));
        assertThat(file.get("name").asString()).isEqualTo("chapter-one.md");
        assertThat(file.get("contentType").asString()).isEqualTo("text/markdown");
        assertThat(file.get("size").asLong()).isEqualTo(manuscript.length);
        assertThat(file.get("sha256").asString()).isEqualTo(Fixtures.sha256(manuscript));

        JsonNode metadata = Http.json(http().get(author, "/api/v1/files/" + id));
        assertThat(metadata.get("sha256").asString()).isEqualTo(Fixtures.sha256(manuscript));

        JsonNode mine = Http.json(http().get(author, "/api/v1/files?page=0&size=10"));
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("id").asString()).isEqualTo(id);

        HttpResponse<byte[]> redirect = http().get(author, "/api/v1/files/" + id + "/download");
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost:" + port + "/api/v1/files/" + id + "/content?expires=");

        JsonNode link = Http.json(http().get(author, "/api/v1/files/" + id + "/download?redirect=false"));
        assertThat(Instant.parse(link.get("expiresAt").asString())).isAfter(Instant.now().plusSeconds(3000));
        HttpResponse<byte[]> content = http().get(null, link.get("url").asString());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(manuscript);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("text/markdown");
        assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("chapter-one.md"));
        assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void downloadLinksPointAtThePublicAddressWhateverTheHostHeaderSays() throws Exception {
        UserId author = UserId.random();
        String id = Http.json(http().upload(author, "a.txt", "text/plain", Fixtures.text(10))).get("id").asString();

        for (String hostile : new String[] {"Host: evil.example", "X-Forwarded-Host: evil.example"}) {
            String response = rawGet("/api/v1/files/" + id + "/download", hostile,
                    "Authorization: " + TestAccessTokens.bearer(author));
            assertThat(response).startsWith("HTTP/1.1 302");
            String location = response.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
                    .findFirst().orElseThrow().substring(9).trim();
            assertThat(location).startsWith("http://localhost:" + port + "/api/v1/files/" + id + "/content?expires=")
                    .doesNotContain("evil.example");
        }
    }

    /** HTTP/1.1 by hand: Java's client will not send a Host header of the caller's choosing. */
    private String rawGet(String path, String... headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
            if (Stream.of(headers).noneMatch(h -> h.startsWith("Host:"))) {
                request.append("Host: localhost:").append(port).append("\r\n");
            }
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void otherServicesStoreExportsThroughTheJavaApiAndShareThemByLink() {
        UserId author = UserId.random();
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        StoredFile export = files.store(author, Buckets.EXPORTS, "My Novel.pdf", new ByteArrayInputStream(pdf));
        DownloadLink link = files.signedUrl(export.id(), author);

        assertThat(export.contentType()).isEqualTo("application/pdf");
        assertThat(export.bucket()).isEqualTo(Buckets.EXPORTS);
        assertThat(files.find(export.id(), author)).contains(export);
        assertThat(files.find(export.id(), UserId.random())).isEmpty();
        assertThat(link.url().isAbsolute()).isFalse();
        assertThat(http().get(null, link.url().toString()).body()).isEqualTo(pdf);
    }

    @Test
    void pngNamedAsTextAndDeclaredTextIsStoredAsPng() {
        HttpResponse<byte[]> created = http().upload(UserId.random(), "notes.txt", "text/plain", Fixtures.png());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Http.json(created).get("contentType").asString()).isEqualTo("image/png");
    }

    @Test
    void executableIsRefusedWhateverItIsCalled() {
        UserId author = UserId.random();

        HttpResponse<byte[]> refused = http().upload(author, "cover.png", "image/png", Fixtures.elf());

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(Http.json(refused).get("code").asString()).isEqualTo("unsupported-file-type");
        assertThat(Http.json(http().get(author, "/api/v1/files")).get("total").asLong()).isZero();
    }

    @Test
    void pathInTheFileNameIsDroppedAndTheBytesStayInTheBucket() throws IOException {
        UserId author = UserId.random();

        HttpResponse<byte[]> created = http().upload(author, "../../../../etc/passwd.txt", "text/plain", Fixtures.text(100));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode file = Http.json(created);
        assertThat(file.get("name").asString()).isEqualTo("passwd.txt");
        Path blob = DATA.resolve("blobs").resolve(Buckets.UPLOADS).resolve(author.toString())
                .resolve(file.get("id").asString());
        assertThat(blob).hasBinaryContent(Fixtures.text(100));
        assertThat(DATA.resolve("etc")).doesNotExist();
    }

    @Test
    void fileOverTheLimitIsRefusedWithATooLargeProblem() {
        HttpResponse<byte[]> refused = http().upload(UserId.random(), "long.txt", "text/plain",
                Fixtures.text(1024 * 1024 + 1));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(Http.json(refused).get("code").asString()).isEqualTo("file-too-large");
    }

    @Test
    void uploadOverTheServerLimitIsAProblemNotAServerError() {
        HttpResponse<byte[]> refused = http().upload(UserId.random(), "huge.txt", "text/plain",
                Fixtures.text(4 * 1024 * 1024));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(refused).get("code").asString()).isEqualTo("file-too-large");
    }

    @Test
    void uploadBeyondTheQuotaIsRefusedAndKeepsWhatWasStored() {
        UserId author = UserId.random();
        assertThat(http().upload(author, "one.txt", "text/plain", Fixtures.text(900 * 1024)).statusCode()).isEqualTo(201);
        assertThat(http().upload(author, "two.txt", "text/plain", Fixtures.text(900 * 1024)).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> refused = http().upload(author, "three.txt", "text/plain", Fixtures.text(900 * 1024));

        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode problem = Http.json(refused);
        assertThat(problem.get("code").asString()).isEqualTo("quota-exceeded");
        assertThat(problem.get("used").asLong()).isEqualTo(2 * 900 * 1024);
        assertThat(Http.json(http().get(author, "/api/v1/files")).get("total").asLong()).isEqualTo(2);
        // another user's quota is their own
        assertThat(http().upload(UserId.random(), "three.txt", "text/plain", Fixtures.text(900 * 1024)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void parallelUploadsCannotOvershootTheQuotaTogether() throws Exception {
        UserId author = UserId.random();
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "part-" + i + ".txt";
                uploads.add(pool.submit(() -> http().upload(author, name, "text/plain", Fixtures.text(900 * 1024))
                        .statusCode()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> upload : uploads) {
                statuses.add(upload.get());
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 201, 409, 409);
        assertThat(Http.json(http().get(author, "/api/v1/files")).get("total").asLong()).isEqualTo(2);
        try (Stream<Path> blobs = java.nio.file.Files.list(
                DATA.resolve("blobs").resolve(Buckets.UPLOADS).resolve(author.toString()))) {
            assertThat(blobs.filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(2);
        }
    }

    @Test
    void anotherUsersFileIsNotFound() {
        UserId owner = UserId.random();
        UserId stranger = UserId.random();
        String id = Http.json(http().upload(owner, "secret.txt", "text/plain", Fixtures.text(10))).get("id").asString();

        for (HttpResponse<byte[]> response : new HttpResponse[] {
                http().get(stranger, "/api/v1/files/" + id),
                http().get(stranger, "/api/v1/files/" + id + "/download"),
                http().delete(stranger, "/api/v1/files/" + id)}) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Http.json(response).get("code").asString()).isEqualTo("file-not-found");
        }
        assertThat(Http.json(http().get(stranger, "/api/v1/files")).get("total").asLong()).isZero();
        assertThat(http().get(owner, "/api/v1/files/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousCallerMustSignIn() {
        HttpResponse<byte[]> response = http().get(null, "/api/v1/files");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("code").asString()).isEqualTo("authentication-required");
    }

    @Test
    void tamperedOrExpiredLinksAreRefused() throws Exception {
        UserId author = UserId.random();
        String id = Http.json(http().upload(author, "a.txt", "text/plain", Fixtures.text(10))).get("id").asString();
        URI link = URI.create(Http.json(http().get(author, "/api/v1/files/" + id + "/download?redirect=false"))
                .get("url").asString());
        String expires = link.getQuery().replaceAll(".*expires=(\\d+).*", "$1");
        String signature = link.getQuery().replaceAll(".*signature=([^&]+).*", "$1");
        String content = "/api/v1/files/" + id + "/content";

        HttpResponse<byte[]> tampered = http().get(null, content + "?expires=" + expires + "&signature="
                + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1));
        HttpResponse<byte[]> extended = http().get(null, content + "?expires=" + (Long.parseLong(expires) + 3600)
                + "&signature=" + signature);
        HttpResponse<byte[]> otherFile = http().get(null, "/api/v1/files/" + UserId.random() + "/content?expires="
                + expires + "&signature=" + signature);
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        HttpResponse<byte[]> expired = http().get(null, content + "?expires=" + past + "&signature=" + sign(id, past));

        for (HttpResponse<byte[]> response : new HttpResponse[] {tampered, extended, otherFile}) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(Http.json(response).get("code").asString()).isEqualTo("invalid-signature");
        }
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(Http.json(expired).get("code").asString()).isEqualTo("link-expired");
        assertThat(http().get(null, link.toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void deletedFileIsGoneWithItsBytesAndItsLinks() {
        UserId author = UserId.random();
        String id = Http.json(http().upload(author, "a.txt", "text/plain", Fixtures.text(10))).get("id").asString();
        String link = Http.json(http().get(author, "/api/v1/files/" + id + "/download?redirect=false")).get("url").asString();
        Path blob = DATA.resolve("blobs").resolve(Buckets.UPLOADS).resolve(author.toString()).resolve(id);
        assertThat(blob).exists();

        assertThat(http().delete(author, "/api/v1/files/" + id).statusCode()).isEqualTo(204);

        assertThat(http().get(author, "/api/v1/files/" + id).statusCode()).isEqualTo(404);
        assertThat(http().get(null, link).statusCode()).isEqualTo(404);
        assertThat(http().delete(author, "/api/v1/files/" + id).statusCode()).isEqualTo(404);
        assertThat(blob).doesNotExist();
    }

    /** The link format documented in docs/storage.md, computed independently of the service. */
    private static String sign(String id, long expires) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal(("download\n" + id + "\n" + expires).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
