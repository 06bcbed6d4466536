package com.authorworks.messaging.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import com.authorworks.platform.UserId;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code WS /ws}: a user's notifications, live. The access token comes in the first message, never in the
 * address (addresses end up in logs and proxies' access logs):
 *
 * <pre>
 * → {"type":"auth","token":"&lt;access token&gt;","after":"12"}      after: the cursor of the last one seen (optional)
 * ← {"type":"ready","cursor":"12","unread":3}
 * ← {"type":"notification","notification":{...,"cursor":"13"}}   the missed ones first, in order, then each new one
 * ← {"type":"unread","count":4}
 * ← {"type":"ping"}                                             every heartbeat; → {"type":"ping"} is answered {"type":"pong"}
 * ← {"type":"conversation","event":"message",...}              what happens in the user's conversations (docs/messaging.md)
 * → {"type":"typing","conversationId":"…"}                      the user is typing there; the other members get it
 * </pre>
 *
 * Closes with 4401 when no valid token comes within the auth timeout, when the token is refused or when it
 * expires (reconnect with a fresh one and the cursor: nothing is lost), 4400 for a message it cannot read.
 */
@Component
class NotificationSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(NotificationSocket.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "unauthenticated");
    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "token-expired");
    static final CloseStatus BAD_MESSAGE = new CloseStatus(4400, "bad-message");
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private final LiveFeed feed;
    private final JwtDecoder tokens;
    private final MessagingProperties properties;
    private final Conversations conversations;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("messaging-ws-auth").daemon().factory());

    NotificationSocket(LiveFeed feed, JwtDecoder tokens, MessagingProperties properties, Conversations conversations,
            MeterRegistry meters) {
        this.feed = feed;
        this.conversations = conversations;
        this.tokens = tokens;
        this.properties = properties;
        // authorworks_websocket_sessions{endpoint="/ws"}: the sockets open in this process
        Gauge.builder("authorworks.websocket.sessions", clients, Map::size).tag("endpoint", "/ws")
                .description("WebSocket sessions open in this process").register(meters);
    }

    private static final class Client {
        final WebSocketSession session;
        volatile LiveFeed.Connection connection;
        volatile UserId user;

        Client(WebSocketSession session) {
            this.session = session;
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WebSocketSession guarded = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        Client client = new Client(guarded);
        clients.put(session.getId(), client);
        timeouts.schedule(() -> {
            if (client.connection == null && guarded.isOpen()) {
                close(guarded, UNAUTHENTICATED);
            }
        }, properties.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        Client client = clients.get(session.getId());
        if (client == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(message.getPayload());
        } catch (JacksonException e) {
            close(client.session, BAD_MESSAGE);
            return;
        }
        String type = frame.path("type").asString("");
        if (client.connection == null) {
            if (!type.equals("auth")) {
                close(client.session, UNAUTHENTICATED);
                return;
            }
            authenticate(client, frame);
            return;
        }
        switch (type) {
            case "ping" -> send(client.session, Map.of("type", "pong"));
            case "auth" -> close(client.session, BAD_MESSAGE);
            case "typing" -> typing(client, frame);
            default -> {
                // unknown frames are ignored, so a newer client can talk to this server
            }
        }
    }

    /** {@code {"type":"typing","conversationId":"..."}}: the other members see it; a conversation not the user's is ignored. */
    private void typing(Client client, JsonNode frame) {
        ConversationId conversation;
        try {
            conversation = new ConversationId(java.util.UUID.fromString(frame.path("conversationId").asString("")));
        } catch (IllegalArgumentException e) {
            return;
        }
        try {
            conversations.typing(client.user, conversation);
        } catch (com.authorworks.platform.Problem notAMember) {
            // the same answer as for a conversation that does not exist: none
        }
    }

    private synchronized void authenticate(Client client, JsonNode frame) throws Exception {
        if (client.connection != null) {
            return;
        }
        Jwt jwt;
        UserId user;
        try {
            jwt = tokens.decode(frame.path("token").asString(""));
            user = UserId.of(jwt.getSubject());
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            close(client.session, UNAUTHENTICATED);
            return;
        }
        Long after = null;
        JsonNode cursor = frame.path("after");
        if (!cursor.isMissingNode() && !cursor.isNull()) {
            after = Cursors.after(cursor.asString(""));
            if (after == null) {
                close(client.session, BAD_MESSAGE);
                return;
            }
        }
        WebSocketSession session = client.session;
        client.user = user;
        Instant expires = jwt.getExpiresAt();
        client.connection = feed.open(user, after, expires, new LiveFeed.Sink() {
            @Override
            public void ready(long cursor, long unread) throws IOException {
                send(session, Map.of("type", "ready", "cursor", Long.toString(cursor), "unread", unread));
            }

            @Override
            public void notification(Notification notification) throws IOException {
                send(session, Map.of("type", "notification", "notification", notification.view()));
            }

            @Override
            public void unread(long count) throws IOException {
                send(session, Map.of("type", "unread", "count", count));
            }

            @Override
            public void heartbeat() throws IOException {
                send(session, Map.of("type", "ping"));
            }

            @Override
            public void live(String frame) throws IOException {
                session.sendMessage(new TextMessage(frame));
            }

            @Override
            public void close(String reason) {
                NotificationSocket.close(session, reason.equals("token-expired") ? TOKEN_EXPIRED : CloseStatus.GOING_AWAY);
            }
        });
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("WebSocket {} failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Client client = clients.remove(session.getId());
        if (client != null && client.connection != null) {
            client.connection.close();
        }
    }

    private static void send(WebSocketSession session, Object frame) throws IOException {
        session.sendMessage(new TextMessage(JSON.writeValueAsString(frame)));
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | IllegalStateException e) {
            // already closing
        }
    }
}
