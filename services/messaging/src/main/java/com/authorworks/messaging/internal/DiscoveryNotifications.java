package com.authorworks.messaging.internal;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.authorworks.discovery.BookFollowed;
import com.authorworks.discovery.BookRated;

/**
 * Discovery's events, as notifications to the author. Each notification's source key is the event's
 * identity (a follow once per reader and book; a rating per save), so a redelivered event makes no second one.
 */
@Component
class DiscoveryNotifications {

    private final Notifier notifier;

    DiscoveryNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener(id = "messaging.book-followed")
    void on(BookFollowed event) {
        notifier.notify(new Inbox.Incoming(event.authorId(), NotificationType.NEW_FOLLOWER, "A new follower for “" + event.title() + "”",
                "A reader follows your book now and will hear of its new chapters.", "/books/" + event.bookId(),
                Map.of("bookId", event.bookId().toString(), "readerId", event.follower().toString()),
                "discovery.book-followed:" + event.bookId() + ":" + event.follower()));
    }

    @ApplicationModuleListener(id = "messaging.book-rated")
    void on(BookRated event) {
        String stars = event.overall() + " of 5";
        notifier.notify(new Inbox.Incoming(event.authorId(), NotificationType.NEW_RATING,
                (event.reviewed() ? "A review of “" : "A rating for “") + event.title() + "”",
                "A reader gave it " + stars + (event.reviewed() ? " and wrote a review." : "."), "/books/" + event.bookId(),
                Map.of("bookId", event.bookId().toString(), "readerId", event.reader().toString(), "overall", event.overall()),
                "discovery.book-rated:" + event.bookId() + ":" + event.reader() + ":" + event.revision()));
    }
}
