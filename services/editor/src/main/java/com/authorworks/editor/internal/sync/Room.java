package com.authorworks.editor.internal.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import com.authorworks.content.SceneId;
import com.authorworks.editor.internal.log.DocumentLog;
import com.authorworks.editor.internal.yjs.Yjs;
import com.authorworks.platform.UserId;

/**
 * One open document: its state as one merged yjs update plus the updates since the last merge, its
 * peers and their awareness. Everything that changes the document holds this room's lock, so the
 * log's order is the order peers are told in.
 */
final class Room {

    /** {@code Y.encodeStateAsUpdate(new Y.Doc())}: no structs, no deletions. */
    static final byte[] EMPTY = {0, 0};

    final SceneId id;
    final Set<Peer> peers = new CopyOnWriteArraySet<>();
    final Awareness awareness = new Awareness();
    private final Yjs yjs;
    private final DocumentLog log;
    private final int compactEvery;
    private byte[] base;
    private final List<byte[]> pending = new ArrayList<>();
    private long lastSeq;
    private long compactedThrough;
    private boolean closed;
    private int uncompacted;
    private boolean dirty;
    private byte[] stateVector;
    private UserId lastAuthor;
    /** The version of the scene in content this document was last in step with. */
    volatile int contentVersion;
    /** The scene's text in content as this document would write it (a write-back of the same text is skipped). */
    volatile String contentHtml;
    /** Whether the document was brought in step with content when it was opened. */
    boolean linked;

    Room(SceneId id, Yjs yjs, DocumentLog log, int compactEvery) {
        this.id = id;
        this.yjs = yjs;
        this.log = log;
        this.compactEvery = compactEvery;
        DocumentLog.Stored stored = log.load(id);
        List<byte[]> all = new ArrayList<>();
        stored.snapshot().ifPresent(all::add);
        all.addAll(stored.updates());
        this.base = all.isEmpty() ? EMPTY : yjs.merge(all);
        this.lastSeq = stored.lastSeq();
        this.compactedThrough = stored.throughSeq();
    }

    /** The whole document as one update (merging what came since the last call). */
    synchronized byte[] state() {
        if (!pending.isEmpty()) {
            List<byte[]> all = new ArrayList<>(pending.size() + 1);
            all.add(base);
            all.addAll(pending);
            base = yjs.merge(all);
            pending.clear();
        }
        return base;
    }

    /** What a peer holding {@code stateVector} lacks; all of it for an empty one (a new peer), without asking yjs. */
    synchronized byte[] missing(byte[] stateVector) {
        if (stateVector.length == 1 && stateVector[0] == 0) {
            return state();
        }
        return yjs.diff(state(), stateVector);
    }

    /** The document's state vector, computed once per change (every peer's join asks for it). */
    synchronized byte[] stateVector() {
        if (stateVector == null) {
            stateVector = yjs.stateVector(state());
        }
        return stateVector;
    }

    /**
     * Appends a peer's update to the log (committed), then tells every other peer. An update that is not
     * a yjs update is refused before it reaches the log ({@link Yjs.NotAnUpdateException}); false when the
     * document is closed (the process is stopping).
     */
    synchronized boolean apply(byte[] update, UserId author, Peer from) {
        if (closed) {
            // shutting down: not logged, so not taken; the peer re-sends it on reconnect (sync step 2)
            return false;
        }
        yjs.check(update);
        append(update, author, from);
        if (from != null) {
            dirty = true;
            lastAuthor = author;
        }
        return true;
    }

    /** A change the server makes (content's text replacing the document's): logged and relayed, not written back. */
    synchronized void applyFromContent(byte[] update, UserId author) {
        append(update, author, null);
    }

    private void append(byte[] update, UserId author, Peer from) {
        lastSeq = log.append(id, update, author);
        pending.add(update);
        stateVector = null;
        byte[] message = Messages.update(update);
        for (Peer peer : peers) {
            if (peer != from) {
                peer.send(message);
            }
        }
        if (++uncompacted >= compactEvery) {
            compact();
        }
    }

    /** Folds the log into the snapshot: joins then read one row instead of the whole history. */
    synchronized void compact() {
        if (lastSeq <= compactedThrough) {
            return;
        }
        log.compact(id, state(), lastSeq);
        compactedThrough = lastSeq;
        uncompacted = 0;
    }

    /** Whether peers changed the document since it was last written back to content; clears the mark. */
    synchronized UserId takeDirty() {
        if (!dirty) {
            return null;
        }
        dirty = false;
        return lastAuthor;
    }

    synchronized void markDirty(UserId author) {
        dirty = true;
        lastAuthor = author;
    }

    synchronized void close() {
        compact();
        closed = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Bytes this document holds in the Java heap (its merged state and the updates not merged yet). */
    synchronized long heldBytes() {
        long bytes = base.length;
        for (byte[] update : pending) {
            bytes += update.length;
        }
        return bytes;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }
}
