package com.authorworks.messaging.internal;

import java.util.function.Consumer;

import com.authorworks.platform.UserId;

/**
 * Carries news of a user's inbox, after it was committed, to every live connection of that user in
 * this process and, with {@link RedisNotificationBus}, in the others. It is a hint, not the record:
 * the inbox in PostgreSQL is, and a connection that missed a signal (or got one out of order) reads
 * what it lacks from there. In one process {@link InProcessNotificationBus}; with REDIS_URL set, the
 * Redis pub/sub bus, which carries signals between the processes as well.
 */
interface NotificationBus {

    void publish(Signal signal);

    /** Hands the user's signals to {@code listener} until the returned registration is closed. */
    Registration subscribe(UserId user, Consumer<Signal> listener);

    /**
     * Whether signals published in other processes reach this one now. False while the bus between processes
     * is down: live connections then read their inbox every few seconds instead ({@link LiveFeed}).
     */
    default boolean live() {
        return true;
    }

    /** Whether other processes publish to this bus: a signal they could not send is then only found by reading. */
    default boolean acrossProcesses() {
        return false;
    }

    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * What changed for a user: in their inbox a notification arrived or the unread count changed (read,
     * deleted); or in one of their conversations something happened ({@link Live}).
     */
    sealed interface Signal {
        UserId user();
    }

    record Received(UserId user, Notification notification, long unread) implements Signal {
    }

    record UnreadChanged(UserId user, long unread) implements Signal {
    }

    /**
     * A frame for the user's live connections as it is ({@code {"type":"conversation",...}}, JSON): a message,
     * an edit, a receipt, someone typing. Not kept in any inbox: a client that was offline reads the
     * conversation instead.
     */
    record Live(UserId user, String frame) implements Signal {
    }

    /** Notification {@code seq} arrived in another process: read from the inbox what this connection lacks. */
    record Arrived(UserId user, long seq, long unread) implements Signal {
    }
}
