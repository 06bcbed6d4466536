package com.authorworks.content.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.content.BookId;
import com.authorworks.content.BookPublished;
import com.authorworks.content.ChapterId;
import com.authorworks.content.ChapterPublished;
import com.authorworks.content.ChapterUnpublished;
import com.authorworks.content.Publication;
import com.authorworks.platform.Problem;

/**
 * Serial release: a published book's chapters reach its readers one by one, now or at a set time.
 * A release is announced ({@link ChapterPublished}; a takedown {@link ChapterUnpublished}), and the book's
 * listing again as {@link BookPublished} (with its new chapter and word counts), inside the transaction that makes it.
 *
 * <pre>
 * DRAFT ──publish──▶ PUBLISHED ──unpublish──▶ UNPUBLISHED ──publish──▶ PUBLISHED
 *   │  ──publish at─▶ SCHEDULED ──(time)────▶ PUBLISHED
 *                     SCHEDULED ──unpublish──▶ DRAFT (or UNPUBLISHED if it was released before)
 * </pre>
 *
 * A new chapter starts in {@code DRAFT}; the book's first publication releases its drafts with it
 * ({@link Publications#publish}). A scheduled chapter of a book taken down waits until the book is published again.
 */
@Component
public class ChapterReleases {

    /** A time this close before now is "now" (a client's clock a little behind ours), not the past. */
    static final Duration LEEWAY = Duration.ofMinutes(1);

    private final JdbcClient db;
    private final Books books;
    private final Publications publications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChapterReleases(JdbcClient db, Books books, Publications publications, ApplicationEventPublisher events,
                    ObjectProvider<Clock> clock) {
        this.db = db;
        this.books = books;
        this.publications = publications;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Releases the chapter now, or schedules it when {@code at} is in the future. The book must be published
     * ({@code 409 book-not-published}); a released chapter cannot be released or scheduled again
     * ({@code 409 already-published}); {@code at} in the past is {@code 400 release-at-in-past}. Scheduling a
     * scheduled chapter moves its time.
     */
    @Transactional
    public Chapter publish(Book book, ChapterId id, Instant at) {
        Book current = publications.lock(book.id());
        Chapter chapter = books.chapter(current, id);
        if (current.publication() != Publication.PUBLISHED) {
            throw Problem.conflict("book-not-published", "Publish the book before releasing its chapters one by one "
                    + "(its first publication releases every chapter in draft).");
        }
        if (chapter.released()) {
            throw Problem.conflict("already-published", "This chapter is released already; unpublish it first to schedule it.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (at != null && at.isBefore(now.minus(LEEWAY))) {
            throw Problem.badRequest("release-at-in-past", "The release time " + at + " is in the past; leave it out to release now.");
        }
        if (at != null && at.isAfter(now)) {
            db.sql("UPDATE content.chapters SET publication = 'SCHEDULED', publish_at = :at WHERE id = :id")
                    .param("id", id.value()).param("at", time(at)).update();
            return books.chapter(current, id);
        }
        return release(current, chapter, now);
    }

    /** Takes a released chapter down, or cancels its schedule; a draft or a chapter taken down is left as it is. */
    @Transactional
    public Chapter unpublish(Book book, ChapterId id) {
        Book current = publications.lock(book.id());
        Chapter chapter = books.chapter(current, id);
        switch (chapter.publication()) {
            case PUBLISHED -> {
                db.sql("UPDATE content.chapters SET publication = 'UNPUBLISHED' WHERE id = :id").param("id", id.value()).update();
                events.publishEvent(new ChapterUnpublished(current.id(), current.owner(), id, chapter.number(), chapter.title(),
                        chapter.publishedAt(), clock.instant()));
                announce(current);
            }
            case SCHEDULED -> db.sql("""
                    UPDATE content.chapters SET publish_at = NULL,
                      publication = CASE WHEN published_at IS NULL THEN 'DRAFT' ELSE 'UNPUBLISHED' END WHERE id = :id""")
                    .param("id", id.value()).update();
            default -> {
            }
        }
        return books.chapter(current, id);
    }

    /** Releases the scheduled chapters of published books whose time has come; returns how many. Safe on several workers. */
    @Transactional
    public int releaseDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID[]> due = db.sql("""
                SELECT c.id, c.book_id FROM content.chapters c JOIN content.books b ON b.id = c.book_id
                WHERE c.publication = 'SCHEDULED' AND c.publish_at <= :now AND b.publication = 'PUBLISHED'
                ORDER BY c.publish_at, c.number LIMIT 100 FOR UPDATE OF c SKIP LOCKED""")
                .param("now", time(now))
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
        for (UUID[] ids : due) {
            Book book = publications.lock(new BookId(ids[1]));
            release(book, books.chapter(book, new ChapterId(ids[0])), now);
        }
        return due.size();
    }

    private Chapter release(Book book, Chapter chapter, Instant now) {
        db.sql("UPDATE content.chapters SET publication = 'PUBLISHED', publish_at = NULL, published_at = :now WHERE id = :id")
                .param("id", chapter.id().value()).param("now", time(now)).update();
        books.touch(book.id());
        Book touched = books.find(book.id()).orElseThrow();
        events.publishEvent(publications.chapterPublished(touched, chapter, now, false));
        announce(touched);
        return books.chapter(touched, chapter.id());
    }

    /** The book's listing again: its released chapters and words changed. */
    private void announce(Book book) {
        events.publishEvent(new BookPublished(publications.listing(books.find(book.id()).orElseThrow()), publications.nextRevision(book.id())));
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
