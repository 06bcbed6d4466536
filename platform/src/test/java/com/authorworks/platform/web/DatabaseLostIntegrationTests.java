package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.authorworks.platform.TestPlatformApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL stopped under a running process (the seed's "database lost"): requests get a clear
 * {@code 503 database-unavailable} with Retry-After, never a 500 or a hang; when PostgreSQL is back on its
 * address the pool reconnects by itself and requests succeed again, without a restart.
 */
class DatabaseLostIntegrationTests {

    @TempDir
    Path data;

    private EmbeddedPostgres postgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres")).setCleanDataDirectory(false)
                .setPort(port).setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLostDatabaseIsA503UntilItIsBackAndThenRequestsSucceedAgain() throws Exception {
        int dbPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            dbPort = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = postgres(dbPort);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestPlatformApplication.class)
                .properties("server.port=0", "logging.level.root=WARN", "authorworks.data=" + data.resolve("app"),
                        "authorworks.database-url=jdbc:postgresql://localhost:" + dbPort + "/postgres?user=postgres",
                        "authorworks.database-connect-timeout=2s").run()) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(get(port, "/api/test/open/database").statusCode()).isEqualTo(200);

            postgres.close();
            for (int request = 0; request < 3; request++) {
                HttpResponse<String> lost = get(port, "/api/test/open/database");
                assertThat(lost.statusCode()).as(lost.body()).isEqualTo(503);
                assertThat(lost.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(lost.body()).contains("\"code\":\"database-unavailable\"").doesNotContain("jdbc:");
                assertThat(lost.headers().firstValue("Retry-After")).hasValue("5");
            }

            postgres = postgres(dbPort);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status;
            while ((status = get(port, "/api/test/open/database").statusCode()) != 200) {
                assertThat(status).isEqualTo(503);
                assertThat(System.nanoTime()).as("reconnected within 60 s").isLessThan(deadline);
                Thread.sleep(200);
            }
        } finally {
            postgres.close();
        }
    }
}
