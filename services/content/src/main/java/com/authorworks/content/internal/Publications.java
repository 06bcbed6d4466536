package com.authorworks.content.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.content.Audience;
import com.authorworks.content.BookId;
import com.authorworks.content.BookPublished;
import com.authorworks.content.BookUnpublished;
import com.authorworks.content.ChapterId;
import com.authorworks.content.ChapterPublished;
import com.authorworks.content.Publication;
import com.authorworks.content.PublishedBook;
import com.authorworks.identity.PublicProfile;
import com.authorworks.identity.Users;
import com.authorworks.platform.Problem;

import tools.jackson.databind.json.JsonMapper;

/**
 * A book's public life: publishing (now or at a set time), unpublishing, archiving and its listing.
 * Every change that readers can see is announced ({@link BookPublished}, {@link BookUnpublished})
 * inside the transaction that makes it, so a listener after commit never sees a state that was rolled back.
 *
 * <pre>
 * DRAFT ──publish──▶ PUBLISHED ──unpublish──▶ UNPUBLISHED ──publish──▶ PUBLISHED
 *   │  ──publish at─▶ SCHEDULED ──(time)────▶ PUBLISHED
 *   │                 SCHEDULED ──unpublish──▶ DRAFT (or UNPUBLISHED if it was published before)
 * any ──archive──▶ ARCHIVED ──publish──▶ PUBLISHED
 * </pre>
 */
@Component
public class Publications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final Books books;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Users> users;
    private final Clock clock;

    Publications(JdbcClient db, Books books, ApplicationEventPublisher events, ObjectProvider<Users> users,
                 ObjectProvider<Clock> clock) {
        this.db = db;
        this.books = books;
        this.events = events;
        this.users = users;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Publishes the book now, or schedules it when {@code at} is in the future. A book needs a
     * chapter to be published ({@code 409 nothing-to-publish}); publishing a published book again
     * changes nothing.
     */
    @Transactional
    public Book publish(Book book, Instant at) {
        Book current = lock(book.id());
        if (books.chapters(book.id()).isEmpty()) {
            throw Problem.conflict("nothing-to-publish", "Add a chapter before publishing this book.");
        }
        Instant now = clock.instant();
        if (at != null && at.isAfter(now)) {
            if (current.publication() == Publication.PUBLISHED) {
                throw Problem.conflict("already-published", "This book is published already; unpublish it first to schedule it.");
            }
            db.sql("UPDATE content.books SET publication = 'SCHEDULED', publish_at = :at WHERE id = :id")
                    .param("id", book.id().value()).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
            return books.find(book.id()).orElseThrow();
        }
        if (current.publication() == Publication.PUBLISHED) {
            return current;
        }
        return publishNow(book.id(), now);
    }

    private Book publishNow(BookId id, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime time = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // the book's first publication releases every chapter still in draft with it; later ones leave
        // chapters as their author set them (a serial's drafts written ahead stay drafts)
        List<ChapterId> released = db.sql("""
                UPDATE content.chapters SET publication = 'PUBLISHED', published_at = :now
                WHERE book_id = :id AND publication = 'DRAFT'
                  AND (SELECT first_published_at FROM content.books WHERE id = :id) IS NULL
                RETURNING id""")
                .param("id", id.value()).param("now", time).query((rs, row) -> new ChapterId(rs.getObject(1, UUID.class))).list();
        db.sql("""
                UPDATE content.books SET publication = 'PUBLISHED', publish_at = NULL, published_at = :now,
                  first_published_at = coalesce(first_published_at, :now) WHERE id = :id""")
                .param("id", id.value()).param("now", time).update();
        Book published = books.find(id).orElseThrow();
        events.publishEvent(new BookPublished(listing(published), nextRevision(id)));
        announceReleased(published, released, now);
        return published;
    }

    /**
     * Each chapter released with the book's first publication, once, in order ({@link ChapterPublished} with
     * {@code withBook}): a handler that keeps chapters (discovery's updates, comments) hears of every readable one.
     */
    private void announceReleased(Book book, List<ChapterId> released, Instant now) {
        if (released.isEmpty()) {
            return;
        }
        Set<ChapterId> ids = Set.copyOf(released);
        for (Chapter chapter : books.chapters(book.id())) {
            if (!ids.contains(chapter.id())) {
                continue;
            }
            events.publishEvent(chapterPublished(book, chapter, now, true));
        }
    }

    /** The announcement of a chapter released at {@code at}: {@code withBook} when its book's first publication released it. */
    ChapterPublished chapterPublished(Book book, Chapter chapter, Instant at, boolean withBook) {
        long words = db.sql("SELECT coalesce(sum(word_count), 0) FROM content.scenes WHERE chapter_id = :id")
                .param("id", chapter.id().value()).query(Long.class).single();
        return new ChapterPublished(book.id(), book.owner(), chapter.id(), chapter.number(), chapter.title(), book.title(),
                book.readership(), words, at, withBook);
    }

    /** Takes a published or scheduled book down; a book that is neither is left as it is. */
    @Transactional
    public Book unpublish(Book book) {
        Book current = lock(book.id());
        switch (current.publication()) {
            case PUBLISHED -> {
                db.sql("UPDATE content.books SET publication = 'UNPUBLISHED' WHERE id = :id").param("id", book.id().value()).update();
                events.publishEvent(new BookUnpublished(book.id(), book.owner(), clock.instant(), nextRevision(book.id())));
            }
            case SCHEDULED -> db.sql("""
                    UPDATE content.books SET publish_at = NULL,
                      publication = CASE WHEN first_published_at IS NULL THEN 'DRAFT' ELSE 'UNPUBLISHED' END WHERE id = :id""")
                    .param("id", book.id().value()).update();
            default -> {
            }
        }
        return books.find(book.id()).orElseThrow();
    }

    /** Retires the book: taken down if it was published, kept for its owner. */
    @Transactional
    public Book archive(Book book) {
        Book current = lock(book.id());
        db.sql("UPDATE content.books SET publication = 'ARCHIVED', publish_at = NULL WHERE id = :id").param("id", book.id().value()).update();
        if (current.publication() == Publication.PUBLISHED) {
            events.publishEvent(new BookUnpublished(book.id(), book.owner(), clock.instant(), nextRevision(book.id())));
        }
        return books.find(book.id()).orElseThrow();
    }

    /** Changes the listing and the audience; a published book's new listing is announced again. */
    @Transactional
    public Book update(Book book, Listing listing, Audience audience) {
        lock(book.id());
        db.sql("""
                UPDATE content.books SET blurb = :blurb, genre = :genre, tags = CAST(:tags AS jsonb),
                  content_warnings = CAST(:warnings AS jsonb), rating = :rating, language = :language, serial_status = :status,
                  audience = coalesce(:audience, audience), updated_at = now()
                WHERE id = :id""")
                .param("id", book.id().value()).param("blurb", listing.blurb()).param("genre", listing.genre())
                .param("tags", JSON.writeValueAsString(listing.tags())).param("warnings", JSON.writeValueAsString(listing.contentWarnings()))
                .param("rating", listing.rating()).param("language", listing.language()).param("status", listing.status())
                .param("audience", audience == null ? null : audience.name()).update();
        Book updated = books.find(book.id()).orElseThrow();
        if (updated.publication() == Publication.PUBLISHED) {
            events.publishEvent(new BookPublished(listing(updated), nextRevision(book.id())));
        }
        return updated;
    }

    /** Publishes the scheduled books whose time has come; returns how many. Safe to run on several workers at once. */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        List<UUID> due = db.sql("""
                SELECT id FROM content.books WHERE publication = 'SCHEDULED' AND publish_at <= :now
                ORDER BY publish_at LIMIT 100 FOR UPDATE SKIP LOCKED""")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).query(UUID.class).list();
        due.forEach(id -> publishNow(new BookId(id), now));
        return due.size();
    }

    /** The book as discovery and readers see it from outside: its released chapters and their words. */
    public PublishedBook listing(Book book) {
        Map<String, Object> counts = db.sql("""
                SELECT (SELECT count(*) FROM content.chapters WHERE book_id = :id AND publication = 'PUBLISHED') AS chapters,
                       (SELECT coalesce(sum(s.word_count), 0) FROM content.scenes s JOIN content.chapters c ON c.id = s.chapter_id
                        WHERE c.book_id = :id AND c.publication = 'PUBLISHED') AS words""").param("id", book.id().value()).query().singleRow();
        Listing listing = book.listing();
        return new PublishedBook(book.id(), book.owner(), authorName(book), book.title(),
                listing.blurb().isEmpty() ? book.description() : listing.blurb(), listing.genre(), listing.tags(),
                listing.contentWarnings(), listing.rating(), listing.language(), listing.status(), book.readership(),
                ((Number) counts.get("words")).longValue(), ((Number) counts.get("chapters")).intValue(), book.firstPublishedAt(),
                book.publishedAt(), book.updatedAt());
    }

    private String authorName(Book book) {
        Users directory = users.getIfAvailable();
        return directory == null ? null : directory.findProfile(book.owner()).map(PublicProfile::displayName).orElse(null);
    }

    /** The book's next announcement revision; called under its row lock, so revisions follow the changes' order. */
    long nextRevision(BookId id) {
        return db.sql("UPDATE content.books SET publication_revision = publication_revision + 1 WHERE id = :id RETURNING publication_revision")
                .param("id", id.value()).query(Long.class).single();
    }

    Book lock(BookId id) {
        return db.sql("SELECT * FROM content.books WHERE id = :id FOR UPDATE").param("id", id.value()).query(Books::book).optional()
                .orElseThrow(() -> Problem.notFound("book-not-found", "No book " + id + "."));
    }
}
