package com.authorworks.messaging.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.messaging.internal.NotificationType.Channel;
import com.authorworks.platform.UserId;

/** Where each type of a user's notifications goes (schema {@code messaging}, table {@code preferences}); defaults where unset. */
@Component
class Preferences {

    private final JdbcClient db;

    Preferences(JdbcClient db) {
        this.db = db;
    }

    Channel channel(UserId user, NotificationType type) {
        return db.sql("SELECT channel FROM messaging.preferences WHERE user_id = :user AND type = :type")
                .param("user", user.value()).param("type", type.name()).query(String.class).optional()
                .map(Channel::valueOf).orElse(type.defaultChannel);
    }

    /** Every type's channel for the user, in the types' order. */
    Map<NotificationType, Channel> all(UserId user) {
        Map<NotificationType, Channel> channels = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            channels.put(type, type.defaultChannel);
        }
        db.sql("SELECT type, channel FROM messaging.preferences WHERE user_id = :user").param("user", user.value())
                .query((rs, row) -> Map.entry(rs.getString("type"), rs.getString("channel"))).list()
                .forEach(row -> {
                    try {
                        channels.put(NotificationType.valueOf(row.getKey()), Channel.valueOf(row.getValue()));
                    } catch (IllegalArgumentException retiredType) {
                        // a type no longer sent: its row is ignored
                    }
                });
        return channels;
    }

    /** Sets the given types' channels; a type set to its default keeps no row, so a changed default reaches it. */
    @Transactional
    void set(UserId user, Map<NotificationType, Channel> channels) {
        UUID id = user.value();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        channels.forEach((type, channel) -> {
            if (channel == type.defaultChannel) {
                db.sql("DELETE FROM messaging.preferences WHERE user_id = :user AND type = :type")
                        .param("user", id).param("type", type.name()).update();
            } else {
                db.sql("""
                        INSERT INTO messaging.preferences (user_id, type, channel, updated_at) VALUES (:user, :type, :channel, :now)
                        ON CONFLICT (user_id, type) DO UPDATE SET channel = excluded.channel, updated_at = excluded.updated_at""")
                        .param("user", id).param("type", type.name()).param("channel", channel.name()).param("now", now).update();
            }
        });
    }
}
