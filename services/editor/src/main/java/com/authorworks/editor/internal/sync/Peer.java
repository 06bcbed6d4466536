package com.authorworks.editor.internal.sync;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import com.authorworks.editor.internal.session.Tickets;

/** One open socket on a document: who it is (its ticket) and the awareness client ids it spoke for. */
final class Peer {

    final WebSocketSession session;
    final Tickets.Ticket ticket;
    final Set<Long> awarenessIds = ConcurrentHashMap.newKeySet();

    Peer(WebSocketSession session, Tickets.Ticket ticket) {
        this.session = session;
        this.ticket = ticket;
    }

    boolean mayWrite() {
        return ticket.mode() == Tickets.Mode.WRITE;
    }

    void send(byte[] message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new BinaryMessage(message));
        } catch (IOException | IllegalStateException e) {
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | IllegalStateException e) {
            // already closing
        }
    }
}
