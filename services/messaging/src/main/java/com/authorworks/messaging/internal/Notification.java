package com.authorworks.messaging.internal;

import java.time.Instant;
import java.util.Map;

import com.authorworks.platform.UserId;

/**
 * A notification as its recipient's inbox holds it. {@code seq} numbers the recipient's notifications in
 * the order they were received (1, 2, 3...): it is the cursor of replay, paging and {@code Last-Event-ID}.
 */
record Notification(NotificationId id, UserId recipient, long seq, NotificationType type, String title, String body,
                    String link, Map<String, Object> data, Instant createdAt, Instant readAt) {

    boolean unread() {
        return readAt == null;
    }

    /** What the API, the socket and the stream show of it. */
    View view() {
        return new View(id.toString(), Long.toString(seq), type.wire(), title, body, link, data, createdAt, readAt, unread());
    }

    record View(String id, String cursor, String type, String title, String body, String link, Map<String, Object> data,
                Instant createdAt, Instant readAt, boolean unread) {
    }
}
