package com.authorworks.messaging.internal;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.authorworks.discovery.BookFollowed;
import com.authorworks.discovery.BookRated;
import com.authorworks.discovery.FollowedBookUpdated;
import com.authorworks.platform.UserId;

/**
 * Discovery's events, as notifications to the author (a follow, a rating) or to a book's followers (its new chapter). Each notification's source key is the event's
 * identity (a follow once per reader and book; a rating per save; a chapter's release per follower), so a redelivered
 * event makes no second one. Each recipient's preferences apply ({@link Notifier}).
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

    /** Each follower hears of the chapter once; their preference for {@code new-chapter} decides the channel (or none). */
    @ApplicationModuleListener(id = "messaging.followed-book-updated")
    void on(FollowedBookUpdated event) {
        String chapter = event.chapterTitle() == null || event.chapterTitle().isBlank()
                ? "Chapter " + event.chapterNumber() : "Chapter " + event.chapterNumber() + ": " + event.chapterTitle();
        for (UserId follower : event.followers()) {
            notifier.notify(new Inbox.Incoming(follower, NotificationType.NEW_CHAPTER, "A new chapter of “" + event.bookTitle() + "”",
                    chapter + " is out.", "/books/" + event.bookId() + "/read",
                    Map.of("bookId", event.bookId().toString(), "chapterId", event.chapterId().toString(), "chapterNumber", event.chapterNumber()),
                    "discovery.followed-book-updated:" + event.chapterId() + ":" + event.publishedAt().toEpochMilli() + ":" + follower));
        }
    }
}
