package com.authorworks.editor.internal.sync;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.authorworks.content.SceneId;
import com.authorworks.editor.internal.EditorProperties;
import com.authorworks.editor.internal.log.DocumentLog;
import com.authorworks.editor.internal.session.Tickets;
import com.authorworks.editor.internal.yjs.Yjs;
import com.authorworks.platform.UserId;

/**
 * The documents open in this process, each loaded when its first peer joins and compacted and
 * unloaded when its last peer leaves. A document nobody has open costs nothing here.
 */
@Component
public class SharedDocuments {

    private final Map<SceneId, Room> rooms = new ConcurrentHashMap<>();
    private final Yjs yjs;
    private final DocumentLog log;
    private final EditorProperties properties;

    SharedDocuments(Yjs yjs, DocumentLog log, EditorProperties properties) {
        this.yjs = yjs;
        this.log = log;
        this.properties = properties;
    }

    /** Someone working on a document now. */
    public record Participant(UserId user, Tickets.Mode mode) {
    }

    private volatile SceneLink link;

    void link(SceneLink link) {
        this.link = link;
    }

    Room join(SceneId id, Peer peer) {
        while (true) {
            Room room = rooms.computeIfAbsent(id, key -> new Room(key, yjs, log, properties.compactEvery()));
            synchronized (room) {
                if (!room.isClosed()) {
                    if (!room.linked) {
                        try {
                            link.opened(room, peer.ticket.user());
                        } catch (RuntimeException e) {
                            if (room.peers.isEmpty()) {
                                room.close();
                                rooms.remove(id, room);
                            }
                            throw e;
                        }
                        room.linked = true;
                    }
                    room.peers.add(peer);
                    return room;
                }
            }
            rooms.remove(id, room);
        }
    }

    /** A peer changed the document. */
    void changed(Room room) {
        link.changed(room);
    }

    /**
     * On shutdown, before the web server and the database go: every open document is written back and
     * compacted now. Its peers' sockets close after; they re-send on reconnect whatever arrives meanwhile
     * (a closed document refuses updates before they are logged, so none is half taken).
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        for (Room room : rooms.values()) {
            synchronized (room) {
                if (room.isClosed()) {
                    continue;
                }
                try {
                    link.closing(room);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(SharedDocuments.class).warn("shared document {} not written back at shutdown: {}", room.id, e.toString());
                } finally {
                    room.close();
                    rooms.remove(room.id, room);
                }
            }
        }
    }

    void leave(Room room, Peer peer) {
        synchronized (room) {
            room.peers.remove(peer);
            if (room.peers.isEmpty() && !room.isClosed()) {
                try {
                    link.closing(room);
                } finally {
                    room.close();
                    rooms.remove(room.id, room);
                }
            }
        }
    }

    /** The document if it is open in this process. */
    Optional<Room> open(SceneId id) {
        return Optional.ofNullable(rooms.get(id));
    }

    /** Who has the document open in this process, each user once (a writer before a reader). */
    public List<Participant> participants(SceneId id) {
        Room room = rooms.get(id);
        if (room == null) {
            return List.of();
        }
        return room.peers.stream()
                .map(peer -> new Participant(peer.ticket.user(), peer.ticket.mode()))
                .sorted(Comparator.comparing(Participant::mode))
                .filter(distinctUsers())
                .toList();
    }

    private static java.util.function.Predicate<Participant> distinctUsers() {
        java.util.Set<UserId> seen = new java.util.HashSet<>();
        return participant -> seen.add(participant.user());
    }

    /** The open documents and the bytes their state holds in the heap (for metrics and the memory test). */
    public Map<SceneId, Long> openDocuments() {
        Map<SceneId, Long> open = new java.util.HashMap<>();
        rooms.forEach((id, room) -> open.put(id, room.heldBytes()));
        return open;
    }

    /** The document's whole state as one yjs update, from memory if it is open, else from the log. */
    public byte[] state(SceneId id) {
        Room room = rooms.get(id);
        if (room != null) {
            return room.state();
        }
        DocumentLog.Stored stored = log.load(id);
        List<byte[]> all = new java.util.ArrayList<>();
        stored.snapshot().ifPresent(all::add);
        all.addAll(stored.updates());
        return all.isEmpty() ? Room.EMPTY : yjs.merge(all);
    }

    /**
     * The shared document's Plate value (JSON) if it is in step with content's {@code version} of the scene
     * (it may hold changes not written back yet); empty when there is none or content moved on.
     */
    public Optional<String> plateInStep(SceneId id, int version) {
        Optional<Integer> known = log.contentVersion(id);
        if (known.isEmpty() || known.get() < version) {
            return Optional.empty();
        }
        String json = yjs.json(state(id));
        int start = json.indexOf("\"content\":");
        if (start < 0) {
            return Optional.empty();
        }
        return Optional.of(tools.jackson.databind.json.JsonMapper.builder().build().readTree(json).path("content").toString());
    }

    public Yjs yjs() {
        return yjs;
    }
}
