package com.authorworks.platform.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * One Redis pub/sub channel: {@link #publish} sends a message to every process subscribed to it (this one
 * included), each received message goes to the listener. Subscribing is retried every second until Redis
 * answers; after that Lettuce reconnects and resubscribes by itself. A message published while Redis is
 * down is not sent (pub/sub keeps nothing): users of a channel have a way to catch up. Made by
 * {@link SharedRedis#channel}, which closes it.
 */
public final class RedisChannel implements AutoCloseable {

    private final SharedRedis redis;
    private final String name;
    private final Consumer<String> listener;
    private final ScheduledExecutorService connector;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closing;

    RedisChannel(SharedRedis redis, String name, Consumer<String> listener) {
        this.redis = redis;
        this.name = name;
        this.listener = listener;
        this.connector = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("redis-" + name).factory());
        connector.scheduleWithFixedDelay(this::subscribeUnlessSubscribed, 0, 1, TimeUnit.SECONDS);
    }

    /** Sends {@code message} unless Redis is known to be down; a failure is reported to {@link SharedRedis}. */
    public void publish(String message) {
        if (!redis.usable()) {
            return;
        }
        try {
            redis.connection().async().publish(name, message.getBytes(StandardCharsets.UTF_8)).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    redis.failed(name, failure);
                } else {
                    redis.succeeded();
                }
            });
        } catch (RuntimeException e) {
            redis.failed(name, e);
        }
    }

    /** Whether this process is subscribed now: messages from other processes arrive. */
    public boolean live() {
        StatefulRedisPubSubConnection<String, String> current = subscription;
        return current != null && current.isOpen();
    }

    private void subscribeUnlessSubscribed() {
        if (subscription != null || closing || !redis.usable()) {
            return;
        }
        StatefulRedisPubSubConnection<String, String> connection = null;
        try {
            connection = redis.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    listener.accept(message);
                }
            });
            connection.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> handler, java.net.SocketAddress address) {
                    redis.succeeded();
                }

                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                    if (!closing) {
                        redis.failed(name, new IllegalStateException("the subscription's connection was lost"));
                    }
                }
            });
            connection.sync().subscribe(name);
            subscription = connection;
            redis.succeeded();
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.closeAsync();
            }
            redis.failed(name, e);
        }
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
