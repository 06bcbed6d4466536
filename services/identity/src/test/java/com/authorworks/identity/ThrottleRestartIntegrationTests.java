package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** Sign-in throttles are kept in PostgreSQL: a restart (or another process on the same database) does not reset them. */
class ThrottleRestartIntegrationTests {

    private final Path data = Path.of("target", "it-data", "throttle-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void removeData() {
        FileSystemUtils.deleteRecursively(data.toFile());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IdentityTestApplication.class)
                .properties("server.port=0", "logging.level.root=WARN", "authorworks.services=identity",
                        "authorworks.data=" + data)
                .run();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")))
                .withHeader("X-Forwarded-For", "203.0.113.99");
    }

    @Test
    void failedSignInsStillCountAfterARestart() {
        Map<String, String> guess = Map.of("email", "target@example.test", "password", "not the password");
        try (var identity = start()) {
            Api api = api(identity);
            api.post("/api/v1/auth/register", Map.of("email", "target@example.test", "username", "target",
                    "password", IdentityIntegrationTest.PASSWORD));
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(api.post("/api/v1/auth/login", guess).status()).isEqualTo(401);
            }
            assertThat(api.post("/api/v1/auth/login", guess).status()).isEqualTo(429);
        }
        try (var restarted = start()) {
            Api.Response limited = api(restarted).post("/api/v1/auth/login", guess);
            assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo("too-many-attempts");
        }
    }
}
