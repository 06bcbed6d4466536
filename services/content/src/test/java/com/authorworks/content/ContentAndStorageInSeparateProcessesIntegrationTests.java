package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

import com.authorworks.platform.contracts.Contracts;
import com.authorworks.platform.testing.TestAccessTokens;
import com.authorworks.storage.Buckets;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/**
 * Content and storage as two processes would run them: two servers on their own ports with their
 * own databases, content reaching storage only through the {@code Files} contract over HTTP
 * ({@code AUTHORWORKS_STORAGE_URL}). Covers and exports work across it, storage's endpoints act
 * only for the user the credentials name, and while storage is down content degrades as
 * documented (exports wait, covers answer 503) and recovers when it is back.
 */
class ContentAndStorageInSeparateProcessesIntegrationTests {

    private static final String SECRET = "a service secret of at least thirty-two bytes";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * The storage service alone, trusting the same access-token key as content's tests. Not a
     * {@code @Configuration}: content's component scan of this package must not find it.
     */
    @EnableAutoConfiguration
    @Import(TestAccessTokens.class)
    static class StorageProcess {
    }

    private final Path storageData = Path.of("target", "it-data", "storage-" + UUID.randomUUID()).toAbsolutePath();
    private final Path contentData = Path.of("target", "it-data", "content-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void removeData() throws Exception {
        FileSystemUtils.deleteRecursively(storageData);
        FileSystemUtils.deleteRecursively(contentData);
    }

    private ConfigurableApplicationContext startStorage(int port, String... more) {
        return new SpringApplicationBuilder(StorageProcess.class)
                .properties("server.port=" + port, "logging.level.root=WARN", "authorworks.services=storage",
                        "authorworks.data=" + storageData, "authorworks.security.service-secret=" + SECRET)
                .properties(more)
                .run();
    }

    private ConfigurableApplicationContext startContent(int storagePort, String... more) {
        return new SpringApplicationBuilder(ContentTestApplication.class)
                .properties("server.port=0", "logging.level.root=WARN", "authorworks.services=content",
                        "authorworks.data=" + contentData, "authorworks.security.service-secret=" + SECRET,
                        "authorworks.storage.url=http://localhost:" + storagePort,
                        "authorworks.contracts.circuit-open-for=300ms", "authorworks.contracts.circuit-minimum-calls=2")
                .properties(more)
                .run();
    }

    /**
     * With a Kafka broker between them, content's events reach storage's listeners: a deleted book's
     * files are freed in storage's process (its own database), also when storage was down while the book
     * was deleted (the event waits in Kafka for it).
     */
    @Test
    void aDeletedBooksFilesAreFreedByStorageInItsOwnProcessThroughKafka() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.afterPropertiesSet();
        String kafka = "authorworks.kafka.bootstrap-servers=" + broker.getBrokersAsString();
        int storagePort = freePort();
        ConfigurableApplicationContext storage = startStorage(storagePort, kafka);
        try (ConfigurableApplicationContext content = startContent(storagePort, kafka)) {
            Api author = Api.newUser(port(content));
            Api authorAtStorage = new Api(storagePort, author.user);
            String first = book(author, "Kept Apart");
            String second = book(author, "Deleted While Storage Sleeps");
            ok(multipart(author, "/api/v1/books/" + first + "/cover", "cover.png", png()), 200);
            ok(multipart(author, "/api/v1/books/" + second + "/cover", "cover.png", png()), 200);
            assertThat(ok(authorAtStorage.get("/api/v1/files"), 200).path("total").asInt()).isEqualTo(2);

            assertThat(author.delete("/api/v1/books/" + first).statusCode()).isEqualTo(204);
            Eventually.until("storage to free the first book's cover", () -> ok(authorAtStorage.get("/api/v1/files"), 200),
                    files -> files.path("total").asInt() == 1);

            storage.close();
            assertThat(author.delete("/api/v1/books/" + second).statusCode()).as("content does not wait for storage").isEqualTo(204);
            storage = startStorage(storagePort, kafka);
            Eventually.until("storage, back, to free the second book's cover", () -> ok(authorAtStorage.get("/api/v1/files"), 200),
                    files -> files.path("total").asInt() == 0);
        } finally {
            storage.close();
            broker.destroy();
        }
    }

    @Test
    void coversAndExportsWorkAcrossTheContractAndWaitWhileStorageIsDown() throws Exception {
        int storagePort = freePort();
        ConfigurableApplicationContext storage = startStorage(storagePort);
        try (ConfigurableApplicationContext content = startContent(storagePort)) {
            assertThat(storage.getBeanNamesForType(com.authorworks.content.internal.Covers.class)).isEmpty();
            assertThat(content.getBean(com.authorworks.storage.Files.class).getClass().getName())
                    .as("content's Files is an HTTP client, not storage's bean").contains("Proxy");
            int contentPort = port(content);
            Api author = Api.newUser(contentPort);
            Api authorAtStorage = new Api(storagePort, author.user);

            // A cover goes to storage through the contract with the author's own token, and comes back by a signed link.
            String book = book(author, "Two Rooms");
            byte[] png = png();
            ok(multipart(author, "/api/v1/books/" + book + "/cover", "cover.png", png), 200);
            HttpResponse<String> coverLink = author.get("/api/v1/books/" + book + "/cover");
            assertThat(coverLink.statusCode()).isEqualTo(302);
            assertThat(download(storagePort, coverLink.headers().firstValue("Location").orElseThrow())).isEqualTo(png);

            // An export is made in the background, so it reaches storage with a service token acting for the author.
            JsonNode export = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "epub"))), 202);
            JsonNode done = awaitState(author, "/api/v1/books/" + book + "/exports/" + export.path("id").asString(), "DONE");
            byte[] epub = download(storagePort, done.path("downloadUrl").asString());
            assertThat(zipEntry(epub, "EPUB/images/cover.png")).as("the cover was read back over the contract").isEqualTo(png);
            JsonNode files = ok(authorAtStorage.get("/api/v1/files"), 200);
            assertThat(files.path("total").asInt()).as("the cover and the export are the author's files in storage").isEqualTo(2);

            refusesCallersThatDoNotActForTheOwner(storagePort, author);

            // Storage goes down: exports wait and say why, covers answer a clear 503, and nothing is lost.
            storage.close();
            HttpResponse<String> started = author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "docx")));
            ok(started, 202);
            String location = started.headers().firstValue("Location").orElseThrow();
            JsonNode waiting = awaitState(author, location, "WAITING_FOR_STORAGE");
            assertThat(waiting.path("error").asString()).contains("unavailable");
            problem(multipart(author, "/api/v1/books/" + book + "/cover", "cover.png", png), 503, "storage-unavailable");
            problem(author.get("/api/v1/books/" + book + "/cover"), 503, "storage-unavailable");

            // Storage is back (same port, same data): the waiting export finishes by itself.
            storage = startStorage(storagePort);
            JsonNode recovered = awaitState(author, location, "DONE");
            assertThat(download(storagePort, recovered.path("downloadUrl").asString())).startsWith('P', 'K');
            assertThat(author.get("/api/v1/books/" + book + "/cover").statusCode()).isEqualTo(302);
        } finally {
            storage.close();
        }
    }

    /** Storage's contract endpoints act only for the user the credentials name; a service token needs the secret. */
    private static void refusesCallersThatDoNotActForTheOwner(int storagePort, Api author) throws Exception {
        String files = "/api/v1/internal/storage/files?bucket=" + Buckets.UPLOADS + "&name=x.txt";
        Api stranger = new Api(storagePort, UUID.randomUUID());
        HttpResponse<String> asSomeoneElse = stranger.send(stranger.request(files)
                .header(Contracts.ON_BEHALF_OF, author.user.toString()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("not yours")));
        problem(asSomeoneElse, 403, "acting-for-another-user");
        // Bad input to a contract endpoint is a problem like anywhere else, never a 500.
        problem(author(storagePort, author).send(author(storagePort, author).request("/api/v1/internal/storage/files?bucket=nope")
                .header(Contracts.ON_BEHALF_OF, author.user.toString()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("x"))), 400, "unknown-bucket");
        // a malformed typed id is "no such file", as everywhere on the platform
        problem(author(storagePort, author).send(author(storagePort, author).request("/api/v1/internal/storage/files/not-an-id")
                .header(Contracts.ON_BEHALF_OF, author.user.toString()).GET()), 404, "file-not-found");
        assertThat(author(storagePort, author).send(author(storagePort, author).request("/api/v1/internal/storage/files")
                .GET()).statusCode()).as("no user named").isEqualTo(400);

        String list = "http://localhost:" + storagePort + "/api/v1/internal/storage/files";
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(list))
                .header(Contracts.ON_BEHALF_OF, author.user.toString())
                .header(Contracts.SERVICE_TOKEN, serviceToken("not the platform's secret but long enough", "storage", author.user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        problem(forged, 401, "invalid-service-token");
        HttpResponse<String> forAnotherService = HTTP.send(HttpRequest.newBuilder(URI.create(list))
                .header(Contracts.ON_BEHALF_OF, author.user.toString())
                .header(Contracts.SERVICE_TOKEN, serviceToken(SECRET, "identity", author.user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        problem(forAnotherService, 401, "invalid-service-token");
        // A genuine service token is honoured on contract endpoints only, never on the API users call.
        HttpResponse<String> onTheUsersApi = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + storagePort + "/api/v1/files"))
                .header(Contracts.SERVICE_TOKEN, serviceToken(SECRET, "storage", author.user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onTheUsersApi.statusCode()).isEqualTo(401);
        HttpResponse<String> genuine = HTTP.send(HttpRequest.newBuilder(URI.create(list))
                .header(Contracts.ON_BEHALF_OF, author.user.toString())
                .header(Contracts.SERVICE_TOKEN, serviceToken(SECRET, "storage", author.user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok(genuine, 200).path("total").asInt()).isEqualTo(2);
    }

    /** The author's own token, at storage. */
    private static Api author(int storagePort, Api author) {
        return new Api(storagePort, author.user);
    }

    /** A service token as another process makes one (ADR 0006), signed with {@code secret}. */
    private static String serviceToken(String secret, String audience, UUID actingFor) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("authorworks-service+jwt")).build(),
                new JWTClaimsSet.Builder().issuer("authorworks-service").subject("content").audience(audience)
                        .claim("act", actingFor.toString()).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(60))).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static JsonNode awaitState(Api author, String location, String state) {
        JsonNode export = Eventually.until("the export " + location + " to be " + state, () -> ok(author.get(location), 200),
                e -> e.path("state").asString().equals(state) || e.path("state").asString().equals("FAILED"));
        assertThat(export.path("state").asString()).as(export.toString()).isEqualTo(state);
        return export;
    }

    private static String book(Api author, String title) {
        String book = ok(author.post("/api/v1/books", json(Map.of("title", title, "format", "novel"))), 201).path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201)
                .path("id").asString();
        ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", "Door", "content", "<p>She opened the second door.</p>"))), 201);
        return book;
    }

    /** A signed link as a browser follows it: relative links are served by storage (through the gateway in production). */
    private static byte[] download(int storagePort, String url) throws Exception {
        URI uri = url.startsWith("/") ? URI.create("http://localhost:" + storagePort + url) : URI.create(url);
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> multipart(Api author, String path, String name, byte[] content) {
        String boundary = "----authorworks" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return author.send(author.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method("PUT", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static byte[] zipEntry(byte[] zip, String name) throws Exception {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the archive");
    }

    private static byte[] png() throws Exception {
        var image = new java.awt.image.BufferedImage(40, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 5, 0xC0FFEE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
