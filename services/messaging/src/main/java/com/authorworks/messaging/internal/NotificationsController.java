package com.authorworks.messaging.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.authorworks.identity.Users;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/** The caller's notifications: list, count, read, delete, the live stream; and sending one (admins). */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsController {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2_000;
    static final int MAX_LINK = 500;
    static final int MAX_KEY = 200;
    private static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

    private final Inbox inbox;
    private final Notifier notifier;
    private final LiveFeed feed;
    private final ObjectProvider<Users> users;
    private final Clock clock = Clock.systemUTC();

    NotificationsController(Inbox inbox, Notifier notifier, LiveFeed feed, ObjectProvider<Users> users) {
        this.inbox = inbox;
        this.notifier = notifier;
        this.feed = feed;
        this.users = users;
    }

    record NotificationPage(List<Notification.View> items, String nextCursor, long unread) {
    }

    /**
     * Mine, newest first, {@code size} at a time; {@code cursor} is the previous page's {@code nextCursor}.
     * {@code unread=true} lists only the unread ones.
     */
    @GetMapping
    NotificationPage list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size,
                          @RequestParam(required = false) Boolean unread) {
        CurrentUser caller = CurrentUser.require();
        int limit = new PageRequest(0, size).size();
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            before = Cursors.after(cursor);
            if (before == null) {
                throw Problem.badRequest("invalid-cursor", "This cursor is not one this list returned.");
            }
        }
        List<Notification> page = inbox.page(caller.id(), before, Boolean.TRUE.equals(unread), limit + 1);
        String next = page.size() > limit ? Long.toString(page.get(limit - 1).seq()) : null;
        return new NotificationPage(page.stream().limit(limit).map(Notification::view).toList(), next, inbox.unread(caller.id()));
    }

    record UnreadCount(long unread) {
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount() {
        return new UnreadCount(inbox.unread(CurrentUser.require().id()));
    }

    @GetMapping("/{id}")
    Notification.View find(@PathVariable("id") NotificationId id) {
        return mine(CurrentUser.require().id(), id).view();
    }

    @PostMapping("/{id}/read")
    @Transactional
    Notification.View read(@PathVariable("id") NotificationId id) {
        return mark(id, true);
    }

    /** Marks it unread again. */
    @DeleteMapping("/{id}/read")
    @Transactional
    Notification.View unread(@PathVariable("id") NotificationId id) {
        return mark(id, false);
    }

    private Notification.View mark(NotificationId id, boolean read) {
        UserId caller = CurrentUser.require().id();
        if (!inbox.mark(caller, id, read, clock.instant())) {
            throw notFound();
        }
        notifier.unreadChanged(caller);
        return mine(caller, id).view();
    }

    record Marked(int marked, long unread) {
    }

    /** Marks every unread one read; {@code upTo} (a cursor) leaves those newer than what the client has shown alone. */
    @PostMapping("/read-all")
    @Transactional
    Marked readAll(@RequestParam(required = false) String upTo) {
        UserId caller = CurrentUser.require().id();
        Long last = null;
        if (upTo != null && !upTo.isBlank()) {
            last = Cursors.after(upTo);
            if (last == null) {
                throw Problem.badRequest("invalid-cursor", "upTo must be a cursor from this list.");
            }
        }
        int marked = inbox.markAllRead(caller, last, clock.instant());
        notifier.unreadChanged(caller);
        return new Marked(marked, inbox.unread(caller));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable("id") NotificationId id) {
        UserId caller = CurrentUser.require().id();
        if (!inbox.delete(caller, id)) {
            throw notFound();
        }
        notifier.unreadChanged(caller);
    }

    /**
     * A notification for one user, from the platform's admins (type {@code announcement}). {@code key}, when
     * given, makes the send idempotent: the same key again sends nothing and answers the first one's
     * notification (if the recipient still has it).
     */
    record Send(String userId, String title, String body, String link, String key) {
    }

    @PostMapping
    ResponseEntity<Notification.View> send(@RequestBody Send send) {
        CurrentUser caller = CurrentUser.require();
        if (!caller.isAdmin()) {
            throw Problem.forbidden("admin-only", "Only an admin can send notifications; other services notify through their events.");
        }
        UserId recipient = recipient(send.userId());
        String title = text("title", send.title(), MAX_TITLE, true);
        String body = text("body", send.body(), MAX_BODY, false);
        String link = link(send.link());
        String key = text("key", send.key(), MAX_KEY, false);
        Users directory = users.getIfAvailable();
        if (directory != null && directory.findProfile(recipient).isEmpty()) {
            throw Problem.notFound("user-not-found", "There is no such user.");
        }
        String source = key.isEmpty() ? "admin:" + UUID.randomUUID() : "admin:" + recipient + ":" + key;
        Optional<Notification> sent = notifier.notify(new Inbox.Incoming(recipient, NotificationType.ANNOUNCEMENT, title, body,
                link, Map.of("from", caller.id().toString()), source));
        if (sent.isEmpty()) {
            throw Problem.conflict("already-sent", "A notification with this key was sent to this user already.");
        }
        return ResponseEntity.created(URI.create("/api/v1/notifications/" + sent.get().id())).body(sent.get().view());
    }

    /**
     * Mine, live, as server-sent events: {@code ready} ({@code cursor}, {@code unread}), then each
     * {@code notification} (its id is its cursor), {@code unread} counts, and a comment as heartbeat.
     * Reconnect with {@code Last-Event-ID} (or {@code after}) to get what came meanwhile. For clients that
     * cannot open a WebSocket; a browser's EventSource cannot send the access token, so the web app reads it
     * with fetch.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) String after) throws Exception {
        CurrentUser caller = CurrentUser.require();
        Long from = null;
        String given = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        if (given != null && !given.isBlank()) {
            from = Cursors.after(given);
            if (from == null) {
                throw Problem.badRequest("invalid-last-event-id", "Last-Event-ID (or after) must be a cursor from this stream.");
            }
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        LiveFeed.Connection connection = feed.open(caller.id(), from, tokenExpiry(), new LiveFeed.Sink() {
            @Override
            public void ready(long cursor, long unread) throws Exception {
                emitter.send(SseEmitter.event().name("ready").data(Map.of("cursor", Long.toString(cursor), "unread", unread),
                        MediaType.APPLICATION_JSON));
            }

            @Override
            public void notification(Notification notification) throws Exception {
                emitter.send(SseEmitter.event().id(Long.toString(notification.seq())).name("notification")
                        .data(notification.view(), MediaType.APPLICATION_JSON));
            }

            @Override
            public void unread(long count) throws Exception {
                emitter.send(SseEmitter.event().name("unread").data(Map.of("count", count), MediaType.APPLICATION_JSON));
            }

            @Override
            public void heartbeat() throws Exception {
                emitter.send(SseEmitter.event().comment("ping"));
            }

            @Override
            public void live(String frame) throws Exception {
                emitter.send(SseEmitter.event().name("conversation").data(frame, MediaType.APPLICATION_JSON));
            }

            @Override
            public void close(String reason) {
                emitter.complete();
            }
        });
        emitter.onCompletion(connection::close);
        emitter.onTimeout(connection::close);
        emitter.onError(e -> connection.close());
        return emitter;
    }

    /** When the caller's access token expires (none for a forward-auth sign-in, which the proxy vouches for per request). */
    private static java.time.Instant tokenExpiry() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getExpiresAt();
        }
        return null;
    }

    private Notification mine(UserId caller, NotificationId id) {
        return inbox.find(caller, id).orElseThrow(NotificationsController::notFound);
    }

    private static Problem notFound() {
        return Problem.notFound("notification-not-found", "There is no such notification.");
    }

    private static UserId recipient(String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest("validation-failed", "userId is required: the user to notify.");
        }
        try {
            return UserId.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-user-id", "userId must be an id (a UUID).");
        }
    }

    private static String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw Problem.badRequest("validation-failed", field + " is required.");
        }
        if (text.length() > max) {
            throw Problem.badRequest("validation-failed", field + " is at most " + max + " characters.");
        }
        return text;
    }

    /** A link within the app ({@code /books/…}): never to another site, so a notification cannot send anyone elsewhere. */
    private static String link(String value) {
        String link = text("link", value, MAX_LINK, false);
        if (link.isEmpty()) {
            return null;
        }
        if (!link.startsWith("/") || link.startsWith("//") || link.contains("\\") || link.chars().anyMatch(Character::isISOControl)) {
            throw Problem.badRequest("invalid-link", "link must be a path within the app, starting with a single '/'.");
        }
        return link;
    }
}
