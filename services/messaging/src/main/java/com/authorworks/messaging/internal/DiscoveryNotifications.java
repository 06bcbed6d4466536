package com.authorworks.messaging.internal;

import java.util.Map;
import java.util.UUID;

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

    /** The source key of a chapter's release to one reader: the same for a follower and a watcher, so both make one. */
    static String releaseKey(Object chapterId, java.time.Instant publishedAt, UserId reader) {
        return "discovery.followed-book-updated:" + chapterId + ":" + publishedAt.toEpochMilli() + ":" + reader;
    }

    /** A new chapter of a book, told to one reader (a follower, or a watcher of the book or its author). */
    void newChapter(UserId reader, UUID book, UserId author, String bookTitle, UUID chapterId, int number, String chapterTitle,
                    java.time.Instant publishedAt) {
        String chapter = chapterTitle == null || chapterTitle.isBlank() ? "Chapter " + number : "Chapter " + number + ": " + chapterTitle;
        notifier.notify(new Inbox.Incoming(reader, NotificationType.NEW_CHAPTER, "A new chapter of “" + bookTitle + "”",
                chapter + " is out.", "/books/" + book + "/read",
                Map.of("bookId", book.toString(), "chapterId", chapterId.toString(), "chapterNumber", number),
                releaseKey(chapterId, publishedAt, reader)), ScopeLevels.About.book(book, author));
    }

    @ApplicationModuleListener(id = "messaging.book-followed")
    void on(BookFollowed event) {
        notifier.notify(new Inbox.Incoming(event.authorId(), NotificationType.NEW_FOLLOWER, "A new follower for “" + event.title() + "”",
                "A reader follows your book now and will hear of its new chapters.", "/books/" + event.bookId(),
                Map.of("bookId", event.bookId().toString(), "readerId", event.follower().toString()),
                "discovery.book-followed:" + event.bookId() + ":" + event.follower()), ScopeLevels.About.book(event.bookId().value(), event.authorId()));
    }

    @ApplicationModuleListener(id = "messaging.book-rated")
    void on(BookRated event) {
        String stars = event.overall() + " of 5";
        notifier.notify(new Inbox.Incoming(event.authorId(), NotificationType.NEW_RATING,
                (event.reviewed() ? "A review of “" : "A rating for “") + event.title() + "”",
                "A reader gave it " + stars + (event.reviewed() ? " and wrote a review." : "."), "/books/" + event.bookId(),
                Map.of("bookId", event.bookId().toString(), "readerId", event.reader().toString(), "overall", event.overall()),
                "discovery.book-rated:" + event.bookId() + ":" + event.reader() + ":" + event.revision()),
                ScopeLevels.About.book(event.bookId().value(), event.authorId()));
    }

    /**
     * Each follower hears of the chapter once; their level for the book (or its author: muted, none) and their
     * preference for {@code new-chapter} decide the channel (or none). Watchers who do not follow are told by
     * {@link ContentNotifications} from content's {@code ChapterPublished}.
     */
    @ApplicationModuleListener(id = "messaging.followed-book-updated")
    void on(FollowedBookUpdated event) {
        for (UserId follower : event.followers()) {
            newChapter(follower, event.bookId().value(), event.authorId(), event.bookTitle(), event.chapterId().value(),
                    event.chapterNumber(), event.chapterTitle(), event.publishedAt());
        }
    }
}
