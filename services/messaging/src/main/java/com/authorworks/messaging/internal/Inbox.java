package com.authorworks.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The users' notifications in PostgreSQL (schema {@code messaging}). Every read and change is one recipient's. */
@Component
class Inbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private final JdbcClient db;

    Inbox(JdbcClient db) {
        this.db = db;
    }

    /** What is to be received: {@code sourceKey} names its cause, so the same cause twice makes one notification. */
    record Incoming(UserId recipient, NotificationType type, String title, String body, String link, Map<String, Object> data,
                    String sourceKey) {
    }

    /**
     * Files the notification under the recipient's next sequence number, in the caller's transaction; empty
     * when its source was received before (a redelivered event), and then nothing changes.
     */
    Optional<Notification> receive(Incoming incoming, Instant now) {
        UUID recipient = incoming.recipient().value();
        boolean known = db.sql("SELECT EXISTS (SELECT 1 FROM messaging.notifications WHERE source_key = :key)")
                .param("key", incoming.sourceKey()).query(Boolean.class).single();
        if (known) {
            return Optional.empty();
        }
        // locks the recipient's counter until commit: their notifications commit in the order of their numbers
        long seq = db.sql("""
                INSERT INTO messaging.inboxes (recipient_id, last_seq) VALUES (:recipient, 1)
                ON CONFLICT (recipient_id) DO UPDATE SET last_seq = messaging.inboxes.last_seq + 1
                RETURNING last_seq""").param("recipient", recipient).query(Long.class).single();
        NotificationId id = NotificationId.random();
        int inserted = db.sql("""
                INSERT INTO messaging.notifications (id, recipient_id, seq, type, title, body, link, data, source_key, created_at)
                VALUES (:id, :recipient, :seq, :type, :title, :body, :link, CAST(:data AS jsonb), :key, :now)
                ON CONFLICT (source_key) DO NOTHING""")
                .param("id", id.value()).param("recipient", recipient).param("seq", seq).param("type", incoming.type().name())
                .param("title", incoming.title()).param("body", incoming.body()).param("link", incoming.link())
                .param("data", JSON.writeValueAsString(incoming.data())).param("key", incoming.sourceKey())
                .param("now", time(now)).update();
        if (inserted == 0) {
            // the same source, received at the same moment by another delivery: that one counts. A number
            // taken and not used leaves a gap, which replay and paging step over.
            return Optional.empty();
        }
        return find(incoming.recipient(), id);
    }

    Optional<Notification> find(UserId recipient, NotificationId id) {
        return db.sql("SELECT * FROM messaging.notifications WHERE id = :id AND recipient_id = :recipient")
                .param("id", id.value()).param("recipient", recipient.value()).query(Inbox::notification).optional();
    }

    /** Those of the recipient's among {@code ids} that still exist, oldest first (a digest's). */
    List<Notification> findAll(UserId recipient, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT * FROM messaging.notifications WHERE recipient_id = :recipient AND id IN (:ids) ORDER BY seq")
                .param("recipient", recipient.value()).param("ids", ids).query(Inbox::notification).list();
    }

    /** Newest first, those numbered below {@code before} (all when null). */
    List<Notification> page(UserId recipient, Long before, boolean unreadOnly, int limit) {
        return db.sql("""
                SELECT * FROM messaging.notifications
                WHERE recipient_id = :recipient AND (CAST(:before AS bigint) IS NULL OR seq < :before)
                  AND (NOT :unreadOnly OR read_at IS NULL)
                ORDER BY seq DESC LIMIT :limit""")
                .param("recipient", recipient.value()).param("before", before).param("unreadOnly", unreadOnly).param("limit", limit)
                .query(Inbox::notification).list();
    }

    /** Oldest first, those numbered above {@code after}: what a client that saw {@code after} missed. */
    List<Notification> after(UserId recipient, long after, int limit) {
        return db.sql("""
                SELECT * FROM messaging.notifications WHERE recipient_id = :recipient AND seq > :after
                ORDER BY seq LIMIT :limit""")
                .param("recipient", recipient.value()).param("after", after).param("limit", limit)
                .query(Inbox::notification).list();
    }

    /** The number the recipient's latest notification has (0 for none yet). */
    long lastSeq(UserId recipient) {
        return db.sql("SELECT coalesce((SELECT last_seq FROM messaging.inboxes WHERE recipient_id = :recipient), 0)")
                .param("recipient", recipient.value()).query(Long.class).single();
    }

    long unread(UserId recipient) {
        return db.sql("SELECT count(*) FROM messaging.notifications WHERE recipient_id = :recipient AND read_at IS NULL")
                .param("recipient", recipient.value()).query(Long.class).single();
    }

    /** Marks one read (or unread again); false when the recipient has no such notification. */
    boolean mark(UserId recipient, NotificationId id, boolean read, Instant now) {
        return db.sql("""
                UPDATE messaging.notifications SET read_at = CASE WHEN :read THEN coalesce(read_at, :now) END
                WHERE id = :id AND recipient_id = :recipient""")
                .param("read", read).param("now", time(now)).param("id", id.value()).param("recipient", recipient.value())
                .update() == 1;
    }

    /** Marks every unread notification read, up to {@code upTo} when given (what the client had seen); returns how many. */
    int markAllRead(UserId recipient, Long upTo, Instant now) {
        return db.sql("""
                UPDATE messaging.notifications SET read_at = :now
                WHERE recipient_id = :recipient AND read_at IS NULL AND (CAST(:upTo AS bigint) IS NULL OR seq <= :upTo)""")
                .param("now", time(now)).param("recipient", recipient.value()).param("upTo", upTo).update();
    }

    boolean delete(UserId recipient, NotificationId id) {
        return db.sql("DELETE FROM messaging.notifications WHERE id = :id AND recipient_id = :recipient")
                .param("id", id.value()).param("recipient", recipient.value()).update() == 1;
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new Notification(new NotificationId(rs.getObject("id", UUID.class)), new UserId(rs.getObject("recipient_id", UUID.class)),
                rs.getLong("seq"), NotificationType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), JSON.readValue(rs.getString("data"), DATA),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant());
    }
}
