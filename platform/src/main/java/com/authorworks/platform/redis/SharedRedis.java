package com.authorworks.platform.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

/**
 * The Redis every process of a deployment shares ({@code REDIS_URL}), through Lettuce. Redis is
 * never required for a request to succeed: users of it ask {@link #usable()} first, fall back to
 * something local when it is not, and report each failure with {@link #failed}. The first failure
 * of an outage is logged once as a warning; Redis is then left alone for {@code retryEvery} (so
 * requests do not each wait out a timeout), tried again, and the first success after an outage is
 * logged once. Commands fail at once while the connection is down (no queueing of commands for
 * later), and time out after {@code timeout}; Lettuce reconnects (and resubscribes pub/sub
 * channels) by itself.
 */
public final class SharedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);
    private static final RedisCodec<String, byte[]> KEYS_AND_BYTES = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientResources resources;
    private final RedisClient client;
    private final String address;
    private final Duration retryEvery;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long skipUntilNanos;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private final java.util.List<RedisChannel> channels = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SharedRedis(String url, Duration timeout, Duration retryEvery) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.address = uri.getHost() + ":" + uri.getPort(); // never the password
        this.retryEvery = retryEvery;
        // reconnect attempts back off from 100 ms to at most 2 s (Lettuce's default goes up to 30 s), so Redis is
        // used again soon after it returns
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** host:port, for messages (the URL may carry a password). */
    public String address() {
        return address;
    }

    /** False while an outage is known and not yet due to be tried again: use the local fallback. */
    public boolean usable() {
        return !down.get() || System.nanoTime() - skipUntilNanos >= 0;
    }

    /** True from the first failure of an outage to the first success after it. */
    public boolean down() {
        return down.get();
    }

    /**
     * The connection (string keys, byte values), made on first use. Throws Lettuce's
     * {@code RedisException} when Redis cannot be reached.
     */
    public StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current == null) {
            synchronized (this) {
                current = connection;
                if (current == null) {
                    current = client.connect(KEYS_AND_BYTES);
                    connection = current;
                }
            }
        }
        return current;
    }

    /** A new pub/sub connection (string channels and messages); throws when Redis cannot be reached. */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return client.connectPubSub();
    }

    /** A pub/sub channel of this Redis, closed with it. */
    public RedisChannel channel(String name, java.util.function.Consumer<String> listener) {
        RedisChannel channel = new RedisChannel(this, name, listener);
        channels.add(channel);
        return channel;
    }

    /** Redis answered: ends an outage (logged once). */
    public void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.info("Redis at {} is reachable again: shared state is back in Redis", address);
        }
    }

    /** Redis did not answer ({@code what}: what was being done); the first failure of an outage is logged. */
    public void failed(String what, Throwable cause) {
        skipUntilNanos = System.nanoTime() + retryEvery.toNanos();
        if (down.compareAndSet(false, true)) {
            log.warn("Redis at {} is unavailable ({}: {}); until it returns, rate limits count in each process and live "
                    + "notifications from other processes arrive by reading the inbox", address, what, cause.toString());
        }
    }

    @Override
    public void close() {
        channels.forEach(RedisChannel::close);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
