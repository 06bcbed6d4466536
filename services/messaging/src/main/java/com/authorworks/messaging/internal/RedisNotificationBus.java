package com.authorworks.messaging.internal;

import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;
import com.authorworks.platform.redis.RedisChannel;
import com.authorworks.platform.redis.RedisConfigured;
import com.authorworks.platform.redis.SharedRedis;

/**
 * The bus across processes, with REDIS_URL set: a signal goes at once to this process's connections
 * ({@link InProcessNotificationBus}) and, over Redis pub/sub (channel {@code authorworks:notifications}),
 * to every other messaging process, which hands it to the user's connections there as
 * {@link NotificationBus.Arrived} (they read the notification from the inbox: the message carries only
 * the user, the number and the unread count, never the content). A conversation's live frame
 * ({@link NotificationBus.Live}: a message, a receipt, typing) is carried as it is, Base64, since it is not kept
 * anywhere a process could read it from. While Redis is down, {@link #live()}
 * is false and the connections read their inbox every few seconds; Lettuce resubscribes when it returns
 * ({@link RedisChannel}).
 */
@Component
@Primary
@Conditional(RedisConfigured.class)
class RedisNotificationBus implements NotificationBus {

    static final String CHANNEL = "authorworks:notifications";
    private static final Logger log = LoggerFactory.getLogger(RedisNotificationBus.class);

    private final InProcessNotificationBus local;
    private final RedisChannel channel;
    private final String origin = UUID.randomUUID().toString();

    RedisNotificationBus(InProcessNotificationBus local, SharedRedis redis) {
        this.local = local;
        this.channel = redis.channel(CHANNEL, this::received);
    }

    @Override
    public void publish(Signal signal) {
        local.publish(signal);
        channel.publish(encode(signal));
    }

    @Override
    public Registration subscribe(UserId user, Consumer<Signal> listener) {
        return local.subscribe(user, listener);
    }

    @Override
    public boolean live() {
        return channel.live();
    }

    @Override
    public boolean acrossProcesses() {
        return true;
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
                case "L" -> new Live(user, new String(java.util.Base64.getDecoder().decode(parts[3]),
                        java.nio.charset.StandardCharsets.UTF_8));
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
            case Live l -> "L " + origin + " " + l.user() + " "
                    + java.util.Base64.getEncoder().encodeToString(l.frame().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
    }
}
