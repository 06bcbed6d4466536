package com.authorworks.messaging.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.authorworks.platform.UserId;

/**
 * The one way a notification is made, whoever causes it: the recipient's level for what it is about (a muted book
 * or author makes nothing; a watched one at least the bell) and their preference for its type decide whether it is
 * kept at all, the inbox files it (once per source), its mail goes into the durable outbox in the same transaction
 * (at once, after quiet hours, or in the digest), and after the commit the live connections are told.
 */
@Component
class Notifier {

    private final Inbox inbox;
    private final NotificationBus bus;
    private final Preferences preferences;
    private final ScopeLevels levels;
    private final MailOutbox outbox;
    private final MessagingClock clock;

    Notifier(Inbox inbox, NotificationBus bus, Preferences preferences, ScopeLevels levels, MailOutbox outbox, MessagingClock clock) {
        this.inbox = inbox;
        this.bus = bus;
        this.preferences = preferences;
        this.levels = levels;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The new notification; empty when its source was received before or the recipient wants none of its type. */
    @Transactional
    public Optional<Notification> notify(Inbox.Incoming incoming) {
        return notify(incoming, ScopeLevels.About.NOTHING);
    }

    /** The same, for a notification about a book or an author, whose level for the recipient applies first. */
    @Transactional
    public Optional<Notification> notify(Inbox.Incoming incoming, ScopeLevels.About about) {
        ScopeLevels.Level level = about.refs().isEmpty() ? ScopeLevels.Level.NORMAL : levels.levelFor(incoming.recipient(), about);
        if (level == ScopeLevels.Level.MUTED) {
            return Optional.empty();
        }
        NotificationType.Channel channel = preferences.channel(incoming.recipient(), incoming.type());
        if (channel == NotificationType.Channel.NONE && level == ScopeLevels.Level.WATCHING) {
            channel = NotificationType.Channel.IN_APP; // watching is asking for everything about it
        }
        if (channel == NotificationType.Channel.NONE) {
            return Optional.empty();
        }
        Optional<Notification> received = inbox.receive(incoming, clock.instant());
        NotificationType.Channel chosen = channel;
        received.ifPresent(notification -> {
            long unread = inbox.unread(incoming.recipient());
            if (chosen == NotificationType.Channel.EMAIL) {
                outbox.mail(notification);
            } else if (chosen == NotificationType.Channel.DIGEST) {
                outbox.digest(notification);
            }
            afterCommit(() -> {
                bus.publish(new NotificationBus.Received(incoming.recipient(), notification, unread));
                if (chosen == NotificationType.Channel.EMAIL) {
                    outbox.wake();
                }
            });
        });
        return received;
    }

    /** Tells the user's live connections the new unread count after a read, an unread or a deletion commits. */
    void unreadChanged(UserId user) {
        long unread = inbox.unread(user);
        afterCommit(() -> bus.publish(new NotificationBus.UnreadChanged(user, unread)));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
