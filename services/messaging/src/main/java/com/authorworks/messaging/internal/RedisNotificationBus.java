package com.authorworks.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;
import com.authorworks.platform.redis.RedisConfigured;
import com.authorworks.platform.redis.SharedRedis;

import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * The bus across processes, with REDIS_URL set: a signal goes at once to this process's connections
 * ({@link InProcessNotificationBus}) and, over Redis pub/sub (channel {@code authorworks:notifications}),
 * to every other messaging process, which hands it to the user's connections there as
 * {@link NotificationBus.Arrived} (they read the notification from the inbox: the message carries only
 * the user, the number and the unread count, never the content). While Redis is down, {@link #live()}
 * is false and the connections read their inbox every few seconds; Lettuce resubscribes when it returns.
 */
@Component
@Primary
@Conditional(RedisConfigured.class)
class RedisNotificationBus implements NotificationBus, AutoCloseable {

    static final String CHANNEL = "authorworks:notifications";
    private static final Logger log = LoggerFactory.getLogger(RedisNotificationBus.class);

    private final InProcessNotificationBus local;
    private final SharedRedis redis;
    private final String origin = UUID.randomUUID().toString();
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("messaging-redis").factory());
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closing;

    RedisNotificationBus(InProcessNotificationBus local, SharedRedis redis) {
        this.local = local;
        this.redis = redis;
        connector.scheduleWithFixedDelay(this::subscribeUnlessSubscribed, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public void publish(Signal signal) {
        local.publish(signal);
        if (!redis.usable()) {
            return;
        }
        byte[] message = encode(signal).getBytes(StandardCharsets.UTF_8);
        try {
            redis.connection().async().publish(CHANNEL, message).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    redis.failed("notification", failure);
                } else {
                    redis.succeeded();
                }
            });
        } catch (RuntimeException e) {
            redis.failed("notification", e);
        }
    }

    @Override
    public Registration subscribe(UserId user, Consumer<Signal> listener) {
        return local.subscribe(user, listener);
    }

    @Override
    public boolean live() {
        StatefulRedisPubSubConnection<String, String> current = subscription;
        return current != null && current.isOpen();
    }

    @Override
    public boolean acrossProcesses() {
        return true;
    }

    private void subscribeUnlessSubscribed() {
        if (subscription != null || !redis.usable()) {
            return;
        }
        StatefulRedisPubSubConnection<String, String> connection = null;
        try {
            connection = redis.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received(message);
                }
            });
            connection.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> handler, java.net.SocketAddress address) {
                    redis.succeeded();
                }

                @Override
                public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> handler) {
                    if (!closing) {
                        redis.failed("notifications", new IllegalStateException("the subscription's connection was lost"));
                    }
                }
            });
            connection.sync().subscribe(CHANNEL);
            subscription = connection;
            redis.succeeded();
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.closeAsync();
            }
            redis.failed("notifications", e);
        }
    }

    private void received(String message) {
        try {
            String[] parts = message.split(" ");
            if (parts[1].equals(origin)) {
                return; // ours: already handed to this process's connections
            }
            UserId user = UserId.of(parts[2]);
            Signal signal = switch (parts[0]) {
                case "R" -> new Arrived(user, Long.parseLong(parts[3]), Long.parseLong(parts[4]));
                case "U" -> new UnreadChanged(user, Long.parseLong(parts[3]));
                default -> throw new IllegalArgumentException("unknown kind " + parts[0]);
            };
            local.publish(signal);
        } catch (RuntimeException e) {
            log.debug("Ignored a notification signal that is not ours: {}", e.toString());
        }
    }

    private String encode(Signal signal) {
        return switch (signal) {
            case Received r -> "R " + origin + " " + r.user() + " " + r.notification().seq() + " " + r.unread();
            case Arrived a -> "R " + origin + " " + a.user() + " " + a.seq() + " " + a.unread();
            case UnreadChanged u -> "U " + origin + " " + u.user() + " " + u.unread();
        };
    }

    @Override
    public void close() {
        closing = true;
        connector.shutdownNow();
        StatefulRedisPubSubConnection<String, String> current = subscription;
        if (current != null) {
            current.close();
        }
    }
}
