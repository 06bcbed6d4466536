package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.authorworks.platform.redis.SharedRedis;
import com.authorworks.platform.testing.RedisServer;

/**
 * With REDIS_URL the sign-in throttles are in Redis: two identity processes that share nothing else (each its
 * own database) count one guesser's failures together. With Redis stopped mid-test, sign-in keeps working and
 * each process throttles on its own; nothing fails for want of Redis.
 */
class ThrottlesInRedisIntegrationTests {

    private final Path data = Path.of("target", "it-data", "redis-throttle-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void removeData() {
        FileSystemUtils.deleteRecursively(data.toFile());
    }

    private ConfigurableApplicationContext start(String name, RedisServer redis) {
        return new SpringApplicationBuilder(IdentityTestApplication.class)
                .properties("server.port=0", "logging.level.root=WARN", "authorworks.services=identity",
                        "authorworks.data=" + data.resolve(name), "authorworks.redis-url=" + redis.url(),
                        "authorworks.redis.retry-every=0s")
                .run();
    }

    /** Lettuce reconnects on its own; a process is back on Redis once a sign-in attempt has been counted there. */
    private static void awaitRedis(ConfigurableApplicationContext process) {
        SharedRedis redis = process.getBean(SharedRedis.class);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (redis.down()) {
            assertThat(System.nanoTime()).as("back on Redis within 30 s").isLessThan(deadline);
            api(process, "192.0.2." + (1 + (int) (Math.random() * 250))).post("/api/v1/auth/login",
                    Map.of("email", "probe@example.test", "password", "probe"));
        }
    }

    private static Api api(ConfigurableApplicationContext context, String address) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")))
                .withHeader("X-Forwarded-For", address);
    }

    @Test
    void twoProcessesCountOneGuessersFailuresTogetherAndSignInSurvivesRedisGoingAway() {
        Map<String, String> guess = Map.of("email", "target@example.test", "password", "not the password");
        try (RedisServer redis = RedisServer.started(data.resolve("redis"));
             var first = start("first", redis); var second = start("second", redis)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(api(first, "203.0.113.7").post("/api/v1/auth/login", guess).status()).isEqualTo(401);
            }
            Api.Response limited = api(second, "203.0.113.7").post("/api/v1/auth/login", guess);
            assertThat(limited.status()).as("the other process, with its own database, knows of the five").isEqualTo(429);
            assertThat(limited.code()).isEqualTo("too-many-attempts");
            assertThat(second.getBean(JdbcClient.class).sql("select count(*) from identity.throttles").query(Long.class)
                    .single()).as("nothing counted in PostgreSQL").isZero();

            redis.stop();
            Api atSecond = api(second, "203.0.113.8");
            Api.Response registered = atSecond.post("/api/v1/auth/register", Map.of("email", "new@example.test",
                    "username", "newcomer", "password", IdentityIntegrationTest.PASSWORD));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            Api.Response signedIn = atSecond.post("/api/v1/auth/login", Map.of("email", "new@example.test",
                    "password", IdentityIntegrationTest.PASSWORD));
            assertThat(signedIn.status()).as("sign-in works without Redis: " + signedIn).isIn(200, 403);
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(atSecond.post("/api/v1/auth/login", guess).status()).isEqualTo(401);
            }
            assertThat(atSecond.post("/api/v1/auth/login", guess).status()).as("still throttled, in the process").isEqualTo(429);

            redis.start();
            awaitRedis(first);
            awaitRedis(second);
            // Redis kept nothing (--save ""): back on it, the processes count together again
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(api(first, "203.0.113.9").post("/api/v1/auth/login", guess).status()).isEqualTo(401);
            }
            assertThat(api(second, "203.0.113.9").post("/api/v1/auth/login", guess).status()).isEqualTo(429);
        }
    }
}
