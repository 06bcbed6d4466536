package com.authorworks.messaging.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookGenerationCompleted;
import com.authorworks.content.BookGenerationFailed;
import com.authorworks.content.BookPublished;
import com.authorworks.content.ChapterPublished;
import com.authorworks.content.PublishedBook;
import com.authorworks.platform.UserId;

/**
 * Content's events, as notifications to whom they concern. Delivery is at least once (the event
 * registry hands an event again after a crash or a failure), so each notification's source key is the
 * event's own identity: the same event twice makes one notification.
 *
 * <p>Today that is the author alone: followers of an author are not told (identity's follows are of users). A new
 * chapter reaches a book's followers through discovery, which knows them ({@code FollowedBookUpdated},
 * {@link DiscoveryNotifications}).
 */
@Component
class ContentNotifications {

    private static final int MAX_REASON = 500;

    private final Notifier notifier;
    private final ScopeLevels levels;
    private final DiscoveryNotifications releases;

    ContentNotifications(Notifier notifier, ScopeLevels levels, DiscoveryNotifications releases) {
        this.notifier = notifier;
        this.levels = levels;
        this.releases = releases;
    }

    /**
     * Those watching a book (or its author, without having set the book otherwise) hear of each chapter that others
     * may read, following it or not; a follower who watches it too is told once (the same source key as discovery's).
     * The chapters released with a book's first publication are not told one by one.
     */
    @ApplicationModuleListener(id = "messaging.chapter-published-watchers")
    void on(ChapterPublished event) {
        if (event.readership() == AccessPolicy.Readership.OWNER || event.withBook()) {
            return; // a chapter released with the book's first publication is not news of its own
        }
        ScopeLevels.About about = ScopeLevels.About.book(event.bookId().value(), event.authorId());
        for (UserId watcher : levels.watchers(about, List.of(event.authorId()))) {
            releases.newChapter(watcher, event.bookId().value(), event.authorId(), event.bookTitle(), event.chapterId().value(),
                    event.number(), event.title(), event.publishedAt());
        }
    }

    @ApplicationModuleListener(id = "messaging.generation-finished")
    void on(BookGenerationCompleted event) {
        String title = event.title() == null ? "Your book" : "“" + event.title() + "”";
        Map<String, Object> data = book(event.bookId().toString(), event.jobId() == null ? null : event.jobId().toString());
        notifier.notify(new Inbox.Incoming(event.userId(), NotificationType.GENERATION_FINISHED,
                title + " is written", "Every scene is drafted: read it, edit it or export it.",
                "/books/" + event.bookId(), data, "content.generation-finished:" + source(event.jobId(), event.bookId())));
    }

    @ApplicationModuleListener(id = "messaging.generation-failed")
    void on(BookGenerationFailed event) {
        String title = event.title() == null ? "Your book" : "“" + event.title() + "”";
        String reason = event.reason() == null || event.reason().isBlank() ? "The generation stopped on an error." : event.reason();
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - 1) + "…";
        }
        Map<String, Object> data = book(event.bookId().toString(), event.jobId() == null ? null : event.jobId().toString());
        notifier.notify(new Inbox.Incoming(event.userId(), NotificationType.GENERATION_FAILED,
                title + " stopped generating", reason + " Finished scenes are kept; resume to continue.",
                "/books/" + event.bookId(), data, "content.generation-failed:" + source(event.jobId(), event.bookId())));
    }

    /**
     * A publication, not a change of listing: content announces a published book's listing again when it
     * changes, with the same {@code publishedAt}, so the key (book and publication moment) makes one
     * notification per time the book goes public. A book only its owner may read is not public.
     */
    @ApplicationModuleListener(id = "messaging.book-published")
    void on(BookPublished event) {
        PublishedBook book = event.book();
        if (book.readership() == AccessPolicy.Readership.OWNER) {
            return;
        }
        Map<String, Object> data = book(book.bookId().toString(), null);
        notifier.notify(new Inbox.Incoming(book.authorId(), NotificationType.BOOK_PUBLISHED,
                "“" + book.title() + "” is published", "Readers can find it in discovery now.",
                "/books/" + book.bookId(), data, "content.book-published:" + book.bookId() + ":" + book.publishedAt().toEpochMilli()));
    }

    private static Map<String, Object> book(String bookId, String jobId) {
        Map<String, Object> data = new HashMap<>();
        data.put("bookId", bookId);
        if (jobId != null) {
            data.put("jobId", jobId);
        }
        return data;
    }

    /** The job when the event names it; announcements recorded before it did are keyed by the book. */
    private static String source(Object job, Object book) {
        return job != null ? job.toString() : "book-" + book;
    }
}
