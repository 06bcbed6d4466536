package com.authorworks.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;

/**
 * A user's notifications as they arrive, for a live connection (a WebSocket or an event stream): first
 * what the client missed after its cursor, then each new one in order, the unread count whenever it
 * changes, and a heartbeat. The order is the inbox's: a signal that skips a number (it overtook another,
 * or one was lost on the way) makes the connection read what it lacks from the inbox, so nothing is
 * missed or sent twice. A connection whose access token expires is closed; the client reconnects with a
 * fresh token and its cursor. While the bus between processes is down, each connection reads its inbox
 * every {@code authorworks.messaging.catch-up-every} (2 s) instead of waiting for signals.
 */
@Component
class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    static final int REPLAY_BATCH = 200;

    /** Where a connection's frames go. Calls come one at a time (the connection's lock is held). */
    interface Sink {
        /** The first frame: where the client stands ({@code cursor}: the last one it has) and how many are unread. */
        void ready(long cursor, long unread) throws Exception;

        void notification(Notification notification) throws Exception;

        void unread(long count) throws Exception;

        void heartbeat() throws Exception;

        /** A conversation's frame (JSON), as it happened; never replayed. */
        void live(String frame) throws Exception;

        /** The connection must end: {@code reason} is {@code token-expired} or {@code shutting-down}. */
        void close(String reason);
    }

    private final Inbox inbox;
    private final NotificationBus bus;
    private final MessagingProperties properties;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService heartbeats;

    LiveFeed(Inbox inbox, NotificationBus bus, MessagingProperties properties) {
        this.inbox = inbox;
        this.bus = bus;
        this.properties = properties;
    }

    /** One live connection of a user; close it when the client goes. */
    final class Connection implements AutoCloseable {
        private final UserId user;
        private final Sink sink;
        private final Instant expiresAt;
        private long lastSent;
        private boolean ready;
        private volatile boolean closed;
        private NotificationBus.Registration registration;

        private Connection(UserId user, Sink sink, long after, Instant expiresAt) {
            this.user = user;
            this.sink = sink;
            this.lastSent = after;
            this.expiresAt = expiresAt;
        }

        /** The number of the last notification sent on this connection: the client's cursor. */
        synchronized long cursor() {
            return lastSent;
        }

        private synchronized void start() throws Exception {
            // listen first, then read: a notification committed in between is either read or heard, never neither
            registration = bus.subscribe(user, this::signal);
            sink.ready(lastSent, inbox.unread(user));
            catchUp();
            ready = true;
        }

        private synchronized void signal(NotificationBus.Signal signal) {
            if (closed || !ready) {
                return;
            }
            try {
                switch (signal) {
                    case NotificationBus.Received received -> {
                        long seq = received.notification().seq();
                        if (seq <= lastSent) {
                            return;
                        }
                        if (seq == lastSent + 1) {
                            sink.notification(received.notification());
                            lastSent = seq;
                        } else {
                            catchUp();
                        }
                        sink.unread(received.unread());
                    }
                    case NotificationBus.Arrived arrived -> {
                        if (arrived.seq() > lastSent) {
                            catchUp();
                            sink.unread(arrived.unread());
                        }
                    }
                    case NotificationBus.UnreadChanged changed -> sink.unread(changed.unread());
                    case NotificationBus.Live live -> sink.live(live.frame());
                }
            } catch (Exception e) {
                failed(e);
            }
        }

        /** Sends what the inbox holds after the last one sent, in order. */
        private void catchUp() throws Exception {
            while (true) {
                List<Notification> missed = inbox.after(user, lastSent, REPLAY_BATCH);
                for (Notification notification : missed) {
                    sink.notification(notification);
                    lastSent = notification.seq();
                }
                if (missed.size() < REPLAY_BATCH) {
                    return;
                }
            }
        }

        /** Reads what the inbox holds after the cursor (the bus between processes is down, or just came back). */
        private synchronized void resync() {
            if (closed || !ready) {
                return;
            }
            try {
                long before = lastSent;
                catchUp();
                if (lastSent != before) {
                    sink.unread(inbox.unread(user));
                }
            } catch (Exception e) {
                failed(e);
            }
        }

        private synchronized void beat(Instant now) {
            if (closed) {
                return;
            }
            if (expiresAt != null && !now.isBefore(expiresAt)) {
                end("token-expired");
                return;
            }
            try {
                sink.heartbeat();
            } catch (Exception e) {
                failed(e);
                return;
            }
            if (bus.acrossProcesses()) {
                // a process that could not publish (its Redis link was down) leaves a gap no signal reveals
                resync();
            }
        }

        private void failed(Exception e) {
            log.debug("A live connection of {} failed: {}", user, e.toString());
            close();
        }

        private void end(String reason) {
            close();
            sink.close(reason);
        }

        @Override
        public void close() {
            closed = true;
            connections.remove(this);
            NotificationBus.Registration r = registration;
            if (r != null) {
                r.close();
            }
        }
    }

    /**
     * Opens a connection for the user: sends what they have after {@code after} (their cursor; null for
     * nothing old, only what comes), then the unread count, then keeps sending until closed.
     */
    Connection open(UserId user, Long after, Instant tokenExpiresAt, Sink sink) throws Exception {
        long from = after != null ? Math.min(after, inbox.lastSeq(user)) : inbox.lastSeq(user);
        Connection connection = new Connection(user, sink, from, tokenExpiresAt);
        connections.add(connection);
        try {
            connection.start();
        } catch (Exception e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    int open() {
        return connections.size();
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("messaging-heartbeats").daemon().factory());
        long period = properties.heartbeat().toMillis();
        scheduler.scheduleAtFixedRate(() -> {
            Instant now = Instant.now();
            for (Connection connection : connections) {
                // each on its own virtual thread: one client that does not read holds up no other
                Thread.ofVirtual().name("messaging-heartbeat").start(() -> connection.beat(now));
            }
        }, period, period, TimeUnit.MILLISECONDS);
        long every = properties.catchUpEvery().toMillis();
        scheduler.scheduleWithFixedDelay(this::catchUpWhileTheBusIsDown, every, every, TimeUnit.MILLISECONDS);
        heartbeats = scheduler;
    }

    private volatile boolean wasLive = true;

    /**
     * While signals from other processes cannot arrive, and once more when they can again (what was sent
     * during the outage was lost), every connection reads its inbox after its cursor.
     */
    private void catchUpWhileTheBusIsDown() {
        boolean live = bus.live();
        if (!live || !wasLive) {
            for (Connection connection : connections) {
                Thread.ofVirtual().name("messaging-catch-up").start(connection::resync);
            }
        }
        wasLive = live;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = heartbeats;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        heartbeats = null;
        for (Connection connection : connections) {
            connection.end("shutting-down");
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }
}
