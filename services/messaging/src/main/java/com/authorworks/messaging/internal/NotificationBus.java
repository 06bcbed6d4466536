package com.authorworks.messaging.internal;

import java.util.function.Consumer;

import com.authorworks.platform.UserId;

/**
 * Carries news of a user's inbox, after it was committed, to every live connection of that user in
 * this process (and, once an adapter joins processes, in the others). It is a hint, not the record:
 * the inbox in PostgreSQL is, and a connection that missed a signal (or got one out of order) reads
 * what it lacks from there. In one process {@link InProcessNotificationBus}; a Redis pub/sub adapter
 * implements the same interface when connections are spread over processes.
 */
interface NotificationBus {

    void publish(Signal signal);

    /** Hands the user's signals to {@code listener} until the returned registration is closed. */
    Registration subscribe(UserId user, Consumer<Signal> listener);

    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** What changed in a user's inbox: a notification arrived, or the unread count changed (read, deleted). */
    sealed interface Signal {
        UserId user();

        long unread();
    }

    record Received(UserId user, Notification notification, long unread) implements Signal {
    }

    record UnreadChanged(UserId user, long unread) implements Signal {
    }
}
