package com.authorworks.messaging.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.authorworks.platform.UserId;

/**
 * The one way a notification is made, whoever causes it: the recipient's preference decides whether
 * it is kept at all, the inbox files it (once per source), and after the commit the live connections
 * are told.
 */
@Component
class Notifier {

    private final Inbox inbox;
    private final NotificationBus bus;
    private final Preferences preferences;
    private final NotificationMail mail;
    private final Clock clock;

    Notifier(Inbox inbox, NotificationBus bus, Preferences preferences, NotificationMail mail) {
        this.inbox = inbox;
        this.bus = bus;
        this.preferences = preferences;
        this.mail = mail;
        this.clock = Clock.systemUTC();
    }

    /** The new notification; empty when its source was received before or the recipient wants none of its type. */
    @Transactional
    public Optional<Notification> notify(Inbox.Incoming incoming) {
        NotificationType.Channel channel = preferences.channel(incoming.recipient(), incoming.type());
        if (channel == NotificationType.Channel.NONE) {
            return Optional.empty();
        }
        Optional<Notification> received = inbox.receive(incoming, clock.instant());
        received.ifPresent(notification -> {
            long unread = inbox.unread(incoming.recipient());
            afterCommit(() -> {
                bus.publish(new NotificationBus.Received(incoming.recipient(), notification, unread));
                if (channel == NotificationType.Channel.EMAIL) {
                    // SMTP can take seconds: not on the thread of the listener or request that made it
                    Thread.ofVirtual().name("messaging-mail").start(() -> mail.send(notification));
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
