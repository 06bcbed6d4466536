package com.authorworks.editor.internal.sync;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.util.UriComponentsBuilder;

import com.authorworks.content.ContentUnavailableException;
import com.authorworks.content.SceneId;
import com.authorworks.editor.internal.EditorProperties;
import com.authorworks.editor.internal.session.Tickets;
import com.authorworks.editor.internal.yjs.Yjs;
import com.authorworks.platform.Problem;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code WS /ws/editor/{documentId}?ticket=…}: the y-websocket protocol, as the npm {@code y-websocket}
 * provider speaks it. The ticket ({@code POST /api/v1/editor/document/{id}/collaborate}) is checked on
 * connect; without a valid one the socket closes with 4401 before anything is sent.
 *
 * <ul>
 *   <li>sync step 1 from a peer is answered with step 2 (what it lacks); the server sends its own step 1
 *       on connect, and the peer's step 2 carries its offline edits;</li>
 *   <li>step 2 and updates from a writer are appended to the log, then relayed; from a reader they are
 *       refused (y-protocols' auth message "permission denied", nothing stored or relayed);</li>
 *   <li>awareness is relayed to every peer and held in memory for late joiners, never stored; a
 *       peer that leaves is removed from everyone's awareness.</li>
 * </ul>
 */
@Component
class EditorSocket extends BinaryWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(EditorSocket.class);
    static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "ticket-invalid");
    static final CloseStatus BAD_MESSAGE = new CloseStatus(4400, "bad-message");
    static final CloseStatus TOO_LARGE = new CloseStatus(1009, "message-too-large");
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 16 * 1024 * 1024;
    /** Awareness is held in memory for late joiners: a cursor, a name and a colour fit in far less. */
    static final int MAX_AWARENESS = 64 * 1024;
    /** A socket speaks for one Y.Doc (a client id), a few after reloads reusing the connection. */
    static final int MAX_AWARENESS_CLIENTS = 16;

    private final SharedDocuments documents;
    private final Tickets tickets;
    private final EditorProperties properties;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    EditorSocket(SharedDocuments documents, Tickets tickets, EditorProperties properties, MeterRegistry meters) {
        this.documents = documents;
        this.tickets = tickets;
        this.properties = properties;
        // authorworks_websocket_sessions{endpoint="/ws/editor"}: the sockets open in this process
        Gauge.builder("authorworks.websocket.sessions", connections, Map::size).tag("endpoint", "/ws/editor")
                .description("WebSocket sessions open in this process").register(meters);
    }

    private static final class Connection {
        final Peer peer;
        final Room room;
        final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        Connection(Peer peer, Room room) {
            this.peer = peer;
            this.room = room;
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Optional<SceneId> document = documentOf(session.getUri());
        Optional<Tickets.Ticket> ticket = document.flatMap(id -> tickets.verify(ticketOf(session.getUri()), id));
        if (ticket.isEmpty()) {
            close(session, UNAUTHENTICATED);
            return;
        }
        WebSocketSession guarded = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        Peer peer = new Peer(guarded, ticket.get());
        Room room;
        try {
            room = documents.join(document.get(), peer);
        } catch (Problem problem) {
            // the ticket's holder lost the book since it was issued
            close(session, UNAUTHENTICATED);
            return;
        } catch (ContentUnavailableException e) {
            log.warn("editor socket {}: content unavailable: {}", session.getId(), e.getMessage());
            close(session, CloseStatus.SERVICE_OVERLOAD);
            return;
        }
        connections.put(session.getId(), new Connection(peer, room));
        synchronized (room) {
            peer.send(Messages.syncStep1(room.stateVector()));
            var states = room.awareness.all();
            if (!states.isEmpty()) {
                peer.send(Messages.awareness(Awareness.encode(states)));
            }
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        close(session, BAD_MESSAGE);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        Connection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        byte[] bytes;
        synchronized (connection) {
            var payload = message.getPayload();
            if (connection.partial.size() + payload.remaining() > properties.maxMessage()) {
                close(session, TOO_LARGE);
                return;
            }
            byte[] chunk = new byte[payload.remaining()];
            payload.get(chunk);
            connection.partial.writeBytes(chunk);
            if (!message.isLast()) {
                return;
            }
            bytes = connection.partial.toByteArray();
            connection.partial.reset();
        }
        try {
            handle(connection, bytes);
        } catch (Lib0.MalformedException | Yjs.NotAnUpdateException e) {
            log.debug("editor socket {}: {}", session.getId(), e.getMessage());
            close(session, BAD_MESSAGE);
        }
    }

    private void handle(Connection connection, byte[] bytes) {
        Lib0.Reader reader = new Lib0.Reader(bytes);
        Peer peer = connection.peer;
        Room room = connection.room;
        switch ((int) reader.varUint()) {
            case Messages.SYNC -> {
                int type = (int) reader.varUint();
                byte[] payload = reader.varBytes();
                switch (type) {
                    case Messages.SYNC_STEP_1 -> peer.send(Messages.syncStep2(room.missing(payload)));
                    case Messages.SYNC_STEP_2, Messages.SYNC_UPDATE -> update(room, peer, payload);
                    default -> throw new Lib0.MalformedException("unknown sync message " + type);
                }
            }
            case Messages.AWARENESS -> {
                byte[] update = reader.varBytes();
                if (update.length > MAX_AWARENESS) {
                    throw new Lib0.MalformedException("awareness update too large");
                }
                var entries = Awareness.decode(update);
                entries.forEach(entry -> peer.awarenessIds.add(entry.clientId()));
                if (peer.awarenessIds.size() > MAX_AWARENESS_CLIENTS) {
                    throw new Lib0.MalformedException("too many awareness clients on one socket");
                }
                room.awareness.apply(entries);
                // to the sender too, as y-websocket's own server does: a client alone on a document hears
                // its own 15 s awareness renewal, which is what keeps its 30 s silence timeout from reconnecting
                byte[] message = Messages.awareness(update);
                for (Peer other : room.peers) {
                    other.send(message);
                }
            }
            case Messages.QUERY_AWARENESS -> {
                var states = room.awareness.all();
                if (!states.isEmpty()) {
                    peer.send(Messages.awareness(Awareness.encode(states)));
                }
            }
            case Messages.AUTH -> {
                // the ticket was checked on connect; y-websocket clients never send this
            }
            default -> throw new Lib0.MalformedException("unknown message type");
        }
    }

    private void update(Room room, Peer peer, byte[] update) {
        if (java.util.Arrays.equals(update, Room.EMPTY)) {
            return;
        }
        if (!peer.mayWrite()) {
            peer.send(Messages.permissionDenied("read-only: your role on this book may not change its text"));
            return;
        }
        if (room.apply(update, peer.ticket.user(), peer)) {
            documents.changed(room);
        } else {
            peer.close(CloseStatus.GOING_AWAY);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("editor socket {} failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = connections.remove(session.getId());
        if (connection == null) {
            return;
        }
        Room room = connection.room;
        var removed = room.awareness.remove(connection.peer.awarenessIds);
        documents.leave(room, connection.peer);
        if (!removed.isEmpty()) {
            byte[] message = Messages.awareness(Awareness.encode(removed));
            for (Peer other : room.peers) {
                other.send(message);
            }
        }
    }

    static Optional<SceneId> documentOf(URI uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String path = uri.getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        try {
            return Optional.of(new SceneId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String ticketOf(URI uri) {
        return uri == null ? null : UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("ticket");
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (java.io.IOException | IllegalStateException e) {
            // already closing
        }
    }
}
