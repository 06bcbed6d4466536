package com.authorworks.messaging;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.authorworks.platform.redis.SharedRedis;
import com.authorworks.platform.testing.RedisServer;
import com.zaxxer.hikari.HikariDataSource;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Two messaging processes on one database, with REDIS_URL: a notification stored by one reaches a WebSocket
 * held by the other over Redis pub/sub. With Redis stopped mid-test it still arrives, by the socket reading its
 * inbox every couple of seconds; when Redis returns, signals carry it again. The heartbeat is a minute, so
 * within the ten seconds a frame is waited for only a signal (or, Redis down, the catch-up) can bring it.
 */
@Timeout(240)
class NotificationsAcrossProcessesIntegrationTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext process(String name, RedisServer redis, String databaseUrl) {
        return new SpringApplicationBuilder(MessagingTestApplication.class).properties("server.port=0",
                "logging.level.root=WARN", "authorworks.services=messaging", "authorworks.data=" + data.resolve(name),
                "authorworks.database-url=" + databaseUrl, "authorworks.redis-url=" + redis.url(),
                "authorworks.redis.retry-every=0s", "authorworks.messaging.heartbeat=60s",
                "authorworks.messaging.catch-up-every=1s").run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static JsonNode announce(int port, Api user, String title) {
        Api admin = Api.newUser(port, "ADMIN");
        return ok(admin.send("POST", "/api/v1/notifications", json(Map.of("userId", user.user.toString(), "title", title,
                "body", "From the admins."))), 201);
    }

    @Test
    void aNotificationStoredByOneProcessReachesASocketHeldByAnotherWithAndWithoutRedis() {
        try (RedisServer redis = RedisServer.started(data.resolve("redis"));
             ConfigurableApplicationContext first = process("first", redis, "")) {
            HikariDataSource database = (HikariDataSource) first.getBean(DataSource.class);
            String shared = database.getJdbcUrl() + (database.getJdbcUrl().contains("?") ? "&" : "?") + "user="
                    + database.getUsername();
            try (ConfigurableApplicationContext second = process("second", redis, shared)) {
                Api user = Api.newUser(port(first));
                SharedRedis observer = new SharedRedis(redis.url(), Duration.ofSeconds(1), Duration.ZERO);
                BlockingQueue<String> carried = new LinkedBlockingQueue<>();
                var watching = observer.connectPubSub();
                watching.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        carried.add(message);
                    }
                });
                watching.sync().subscribe("authorworks:notifications");
                NotificationsIntegrationTests.eventually("both processes subscribed", () -> observer.connection().sync()
                        .pubsubNumsub("authorworks:notifications").get("authorworks:notifications"), n -> n == 3);
                LiveClient live = LiveClient.connect(port(second));
                live.send(Map.of("type", "auth", "token", user.token));
                assertThat(live.next("ready").path("unread").asLong()).isZero();

                announce(port(first), user, "Over Redis");
                JsonNode frame = live.next("notification");
                assertThat(frame.path("notification").path("title").asString()).isEqualTo("Over Redis");
                assertThat(frame.path("notification").path("cursor").asString()).isEqualTo("1");
                assertThat(live.next("unread").path("count").asLong()).isEqualTo(1);
                assertThat(carried).as("Redis carried its number, not its content").anySatisfy(m -> assertThat(m)
                        .matches("R [0-9a-f-]{36} " + user.user + " 1 1"));
                observer.close();

                redis.stop();
                announce(port(first), user, "While Redis is down");
                assertThat(live.next("notification").path("notification").path("title").asString())
                        .as("read from the inbox by the socket's catch-up").isEqualTo("While Redis is down");
                assertThat(live.next("unread").path("count").asLong()).isEqualTo(2);
                assertThat(first.getBean(SharedRedis.class).down()).isTrue();

                redis.start();
                awaitSubscribed(second);
                awaitPublishing(first, user);
                announce(port(first), user, "Redis is back");
                assertThat(live.next("notification").path("notification").path("title").asString()).isEqualTo("Redis is back");
                live.close();
            }
        }
    }

    @Test
    void aConversationsMessageSentThroughOneProcessReachesTheOtherMembersSocketOnAnother() {
        try (RedisServer redis = RedisServer.started(data.resolve("redis"));
             ConfigurableApplicationContext first = process("first", redis, "")) {
            HikariDataSource database = (HikariDataSource) first.getBean(DataSource.class);
            String shared = database.getJdbcUrl() + (database.getJdbcUrl().contains("?") ? "&" : "?") + "user="
                    + database.getUsername();
            try (ConfigurableApplicationContext second = process("second", redis, shared)) {
                SharedRedis observer = new SharedRedis(redis.url(), Duration.ofSeconds(1), Duration.ZERO);
                NotificationsIntegrationTests.eventually("both processes subscribed", () -> observer.connection().sync()
                        .pubsubNumsub("authorworks:notifications").get("authorworks:notifications"), n -> n == 2);
                observer.close();
                Api ann = Api.newUser(port(first));
                Api ben = Api.newUser(port(first));
                LiveClient live = LiveClient.connect(port(second));
                live.send(Map.of("type", "auth", "token", ben.token));
                live.next("ready");

                String conversation = ok(ann.send("POST", "/api/v1/conversations", json(Map.of("kind", "direct",
                        "userId", ben.user.toString()))), 201).path("id").asString();
                ok(ann.send("POST", "/api/v1/conversations/" + conversation + "/messages",
                        json(Map.of("body", "Über Redis: ça marche."))), 201);
                JsonNode frame = live.next("conversation");
                assertThat(frame.path("event").asString()).isEqualTo("message");
                assertThat(frame.path("conversationId").asString()).isEqualTo(conversation);
                assertThat(frame.path("message").path("body").asString()).as("the frame as it was, accents and all")
                        .isEqualTo("Über Redis: ça marche.");
                live.close();
            }
        }
    }

    /** The second process is subscribed again once its link to Redis is up (Lettuce resubscribes on reconnect). */
    private static void awaitSubscribed(ConfigurableApplicationContext process) {
        SharedRedis redis = process.getBean(SharedRedis.class);
        NotificationsIntegrationTests.eventually("the subscription", () -> !redis.down() && redis.usable(), up -> up);
    }

    /** The first process publishes to Redis again once a publish there succeeded (its outage is over). */
    private static void awaitPublishing(ConfigurableApplicationContext process, Api user) {
        SharedRedis redis = process.getBean(SharedRedis.class);
        NotificationsIntegrationTests.eventually("publishing again", () -> {
            announce(port(process), Api.newUser(port(process)), "probe");
            return redis.down();
        }, down -> !down);
    }
}
