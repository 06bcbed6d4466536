package com.authorworks.platform.ratelimits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.authorworks.platform.redis.SharedRedis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Makes a service's {@link RateLimiter}: in the shared Redis when {@code REDIS_URL} is set (falling back to
 * this process while Redis is away), else in the service's own PostgreSQL table (so limits still hold
 * across processes and restarts), else, for a limiter without a table, in this process.
 */
public final class RateLimiters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RateLimiters.class);
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(5);

    private final SharedRedis redis;
    private final DataSource dataSource;
    private final List<PostgreSQLSelectForUpdateBasedProxyManager<String>> tables = new ArrayList<>();
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("rate-limit-cleaner").factory());

    /** {@code redis}: null without REDIS_URL. */
    public RateLimiters(SharedRedis redis, DataSource dataSource) {
        this.redis = redis;
        this.dataSource = dataSource;
        cleaner.scheduleWithFixedDelay(this::removeRefilled, CLEAN_EVERY.toSeconds(), CLEAN_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Buckets named {@code name} (their keys in Redis start with it). Without Redis they are kept in
     * {@code table}, which has {@code id text PRIMARY KEY, state bytea, expires_at bigint} (rows whose
     * bucket has refilled are deleted every few minutes).
     */
    public RateLimiter shared(String name, String table) {
        if (redis != null) {
            return new RedisRateLimiter(redis, name);
        }
        PostgreSQLSelectForUpdateBasedProxyManager<String> proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(table).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        synchronized (tables) {
            tables.add(proxies);
        }
        return BucketRateLimiter.over(proxies);
    }

    /** Buckets named {@code name} in Redis when it is set, else in this process only. */
    public RateLimiter shared(String name) {
        return redis != null ? new RedisRateLimiter(redis, name) : new LocalRateLimiter();
    }

    private void removeRefilled() {
        List<PostgreSQLSelectForUpdateBasedProxyManager<String>> current;
        synchronized (tables) {
            current = List.copyOf(tables);
        }
        for (PostgreSQLSelectForUpdateBasedProxyManager<String> proxies : current) {
            try {
                int removed;
                do {
                    removed = proxies.removeExpired(1_000);
                } while (removed == 1_000);
            } catch (RuntimeException e) {
                log.warn("Could not remove refilled rate limits: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
    }
}
