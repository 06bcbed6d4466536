package com.authorworks.platform.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.authorworks.platform.ratelimits.RateLimiter.Limit;
import com.authorworks.platform.redis.SharedRedis;
import com.authorworks.platform.testing.RedisServer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Two "processes" (each its own {@link SharedRedis} and {@link RateLimiters}) against a real redis-server:
 * they count against the same buckets; with Redis stopped each counts alone, warning once per outage; when
 * it returns they share again.
 */
class RateLimitersIntegrationTests {

    private static final Limit THREE_AN_HOUR = new Limit(3, Duration.ofHours(1));

    @TempDir
    Path logs;
    RedisServer server;
    SharedRedis first;
    SharedRedis second;
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Level levelBefore;

    @BeforeEach
    void start() {
        server = RedisServer.started(logs);
        // retry-every zero: each call after a failure tries Redis again, so the test sees the return at once
        first = new SharedRedis(server.url(), Duration.ofMillis(500), Duration.ZERO);
        second = new SharedRedis(server.url(), Duration.ofMillis(500), Duration.ZERO);
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SharedRedis.class);
        // other tests in this JVM may have started Spring with the root level at WARN
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        Logger logger = (Logger) LoggerFactory.getLogger(SharedRedis.class);
        logger.detachAppender(log);
        logger.setLevel(levelBefore);
        first.close();
        second.close();
        server.stop();
    }

    private static int takes(RateLimiter limiter, String key, int times) {
        int taken = 0;
        for (int i = 0; i < times; i++) {
            if (limiter.take(key, THREE_AN_HOUR).taken()) {
                taken++;
            }
        }
        return taken;
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void processesShareOneBucketAndARefusalSaysWhenToComeBack() {
        RateLimiter a = new RateLimiters(first, null).shared("tests");
        RateLimiter b = new RateLimiters(second, null).shared("tests");
        String key = "user:" + UUID.randomUUID();

        assertThat(takes(a, key, 2)).isEqualTo(2);
        assertThat(takes(b, key, 2)).as("the other process sees the two already taken").isEqualTo(1);
        RateLimiter.Take refused = a.take(key, THREE_AN_HOUR);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        assertThat(b.take("user:" + UUID.randomUUID(), THREE_AN_HOUR).taken()).as("another key, another bucket").isTrue();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aTokenGivenBackInOneProcessCanBeTakenInTheOther() {
        RateLimiter a = new RateLimiters(first, null).shared("tests");
        RateLimiter b = new RateLimiters(second, null).shared("tests");
        String key = "user:" + UUID.randomUUID();
        assertThat(takes(a, key, 2)).isEqualTo(2);
        RateLimiter.Take last = a.take(key, THREE_AN_HOUR);
        assertThat(last.taken()).isTrue();
        assertThat(b.take(key, THREE_AN_HOUR).taken()).isFalse();
        last.giveBack();
        assertThat(b.take(key, THREE_AN_HOUR).taken()).isTrue();
    }

    @Test
    void withRedisStoppedEachProcessCountsAloneWarningOnceAndSharesAgainWhenItReturns() {
        RateLimiter a = new RateLimiters(first, null).shared("tests");
        RateLimiter b = new RateLimiters(second, null).shared("tests");
        String key = "user:" + UUID.randomUUID();
        assertThat(takes(a, key, 1)).isEqualTo(1);

        server.stop();
        assertThat(takes(a, key, 5)).as("a counts alone: its own three").isEqualTo(3);
        assertThat(takes(b, key, 5)).as("b counts alone: its own three").isEqualTo(3);
        assertThat(first.down()).isTrue();
        assertThat(warnings()).as("one warning per process and outage, however many requests").hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("127.0.0.1:" + server.port()).contains("unavailable"));

        server.start();
        // Redis kept nothing (--save ""): the shared bucket starts full, and both processes count against it again
        eventuallyBack(a, first);
        String fresh = "user:" + UUID.randomUUID();
        assertThat(takes(a, fresh, 2)).isEqualTo(2);
        eventuallyBack(b, second);
        assertThat(takes(b, fresh, 2)).as("shared again: one left").isEqualTo(1);
        assertThat(first.down()).isFalse();
        assertThat(second.down()).isFalse();
        assertThat(warnings()).hasSize(2);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage).hasSize(2).allSatisfy(m -> assertThat(m).contains("reachable again"));
    }

    @Test
    void redisDownFromTheStartStillLimitsInTheProcess() {
        server.stop();
        RateLimiter a = new RateLimiters(first, null).shared("tests");
        assertThat(takes(a, "user:x", 5)).isEqualTo(3);
        assertThat(warnings()).hasSize(1);
        server.start();
        eventuallyBack(a, first);
        assertThat(first.down()).isFalse();
    }

    /** Lettuce reconnects on its own schedule: the limiter is back on Redis once a take succeeds there. */
    private static void eventuallyBack(RateLimiter limiter, SharedRedis redis) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (redis.down()) {
            limiter.take("probe:" + UUID.randomUUID(), THREE_AN_HOUR);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Redis was not used again within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
