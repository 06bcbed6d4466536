package com.authorworks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.platform.UserId;

import tools.jackson.databind.JsonNode;

/** The files API with its bytes in S3 (S3Proxy): downloads go straight to S3 through presigned URLs. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class S3FilesIntegrationTests {

    private static final Path DATA = TempDirectories.create("s3-files");
    private static final S3ProxyServer S3 = S3ProxyServer.start(TempDirectories.create("s3proxy"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
        registry.add("authorworks.services", () -> "storage");
        registry.add("spring.servlet.multipart.max-file-size", () -> "20MB");
        registry.add("spring.servlet.multipart.max-request-size", () -> "20MB");
        registry.add("authorworks.storage.max-file-size", () -> "15MB");
        // the seed's variables, as a deployment sets them
        registry.add("MINIO_ENDPOINT", () -> S3.endpoint().toString());
        registry.add("MINIO_ACCESS_KEY", () -> S3ProxyServer.ACCESS_KEY);
        registry.add("MINIO_SECRET_KEY", () -> S3ProxyServer.SECRET_KEY);
        // browsers reach the store under another name than the service does
        registry.add("MINIO_PUBLIC_ENDPOINT", () -> "http://localhost:" + S3.endpoint().getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        S3.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    BlobStore blobs;

    @Test
    void uploadLandsInS3AndDownloadsThroughAPresignedUrl() throws Exception {
        Http http = new Http(port);
        UserId author = UserId.random();
        byte[] recording = Fixtures.concat("ID3".getBytes(), Fixtures.random(12 * 1024 * 1024, 7));

        HttpResponse<byte[]> created = http.upload(author, "chapter-1.mp3", "application/octet-stream", recording);

        assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
        JsonNode file = Http.json(created);
        assertThat(file.get("contentType").asString()).isEqualTo("audio/mpeg");
        String id = file.get("id").asString();
        assertThat(blobs.exists(Buckets.UPLOADS, author + "/" + id)).isTrue();

        URI url = URI.create(Http.json(http.get(author, "/api/v1/files/" + id + "/download?redirect=false"))
                .get("url").asString());
        assertThat(url.getHost()).isEqualTo("localhost");
        assertThat(url.getPort()).isEqualTo(S3.endpoint().getPort());
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(recording);

        assertThat(http.delete(author, "/api/v1/files/" + id).statusCode()).isEqualTo(204);
        assertThat(blobs.exists(Buckets.UPLOADS, author + "/" + id)).isFalse();
    }
}
