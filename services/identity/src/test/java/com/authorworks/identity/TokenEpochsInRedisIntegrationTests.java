package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.authorworks.platform.redis.SharedRedis;
import com.authorworks.platform.security.TokenEpochs;
import com.authorworks.platform.testing.RedisServer;

/**
 * With REDIS_URL a password change ends the old access tokens in every process at once: the other process
 * remembers token epochs for an hour here, so only identity's announcement over Redis can refuse the old token
 * within the seconds this test waits.
 */
class TokenEpochsInRedisIntegrationTests {

    private final Path data = Path.of("target", "it-data", "redis-epochs-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void removeData() {
        FileSystemUtils.deleteRecursively(data.toFile());
    }

    private static ConfigurableApplicationContext start(Class<?> application, String... properties) {
        return new SpringApplicationBuilder(application).properties("server.port=0", "logging.level.root=WARN")
                .properties(properties).run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static void awaitSubscribers(RedisServer redis, long processes) throws InterruptedException {
        try (SharedRedis observer = new SharedRedis(redis.url(), Duration.ofSeconds(1), Duration.ZERO)) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (observer.connection().sync().pubsubNumsub(TokenEpochs.CHANNEL).get(TokenEpochs.CHANNEL) < processes) {
                assertThat(System.nanoTime()).as("subscribed within 30 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aPasswordChangeEndsTheOldTokensInAnotherProcessAtOnce() throws Exception {
        try (RedisServer redis = RedisServer.started(data.resolve("redis"));
             var identity = start(IdentityTestApplication.class, "authorworks.services=identity",
                     "authorworks.data=" + data.resolve("identity"), "authorworks.redis-url=" + redis.url())) {
            Api identityApi = new Api(port(identity));
            identityApi.post("/api/v1/auth/register", Map.of("email", "epoch@example.test", "username", "epoch",
                    "password", IdentityIntegrationTest.PASSWORD));
            String token = identityApi.post("/api/v1/auth/login", Map.of("email", "epoch@example.test",
                    "password", IdentityIntegrationTest.PASSWORD)).body().get("accessToken").asString();
            String jwks = "http://localhost:" + port(identity) + "/.well-known/jwks.json";
            try (var other = start(SeparateProcessesIntegrationTests.OtherService.class, "authorworks.services=none",
                    "authorworks.data=" + data.resolve("other"), "authorworks.security.jwks-uri=" + jwks,
                    "authorworks.security.token-epoch-freshness=1h", "authorworks.redis-url=" + redis.url())) {
                Api otherApi = new Api(port(other));
                assertThat(otherApi.as(token).get("/api/test/whoami").status()).as("accepted, its epoch remembered for an hour")
                        .isEqualTo(200);
                awaitSubscribers(redis, 2); // identity and the other process

                assertThat(identityApi.as(token).post("/api/v1/users/me/password", Map.of("currentPassword",
                        IdentityIntegrationTest.PASSWORD, "newPassword", "another good passphrase")).status()).isEqualTo(204);
                long deadline = System.nanoTime() + 10_000_000_000L;
                int status;
                while ((status = otherApi.as(token).get("/api/test/whoami").status()) == 200) {
                    assertThat(System.nanoTime()).as("the old token refused within 10 s, not an hour").isLessThan(deadline);
                    Thread.sleep(50);
                }
                assertThat(status).isEqualTo(401);
                String fresh = identityApi.post("/api/v1/auth/login", Map.of("email", "epoch@example.test",
                        "password", "another good passphrase")).body().get("accessToken").asString();
                assertThat(otherApi.as(fresh).get("/api/test/whoami").status()).isEqualTo(200);
            }
        }
    }
}
