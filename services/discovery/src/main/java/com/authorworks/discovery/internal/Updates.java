package com.authorworks.discovery.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookDeleted;
import com.authorworks.content.ChapterPublished;
import com.authorworks.content.ChapterUnpublished;
import com.authorworks.discovery.FollowedBookUpdated;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * Books' updates (chapter releases) as readers hear of them: the home feed of what a reader follows and the
 * latest-updates list. Fed by content's {@link ChapterPublished} and {@link ChapterUnpublished}; every list joins the catalogue and keeps the
 * readerships content's {@link AccessPolicy} grants the caller, so what is not published, or not for them, is not listed;
 * nor the books of authors or with tags the caller blocked ({@link Blocklists}).
 */
@Component
class Updates {

    private final JdbcClient db;
    private final ApplicationEventPublisher events;
    private final Blocklists blocklists;

    Updates(JdbcClient db, ApplicationEventPublisher events, Blocklists blocklists) {
        this.blocklists = blocklists;
        this.db = db;
        this.events = events;
    }

    /**
     * Records the release (once: a repeated event changes nothing), moves the book's updated time, and tells
     * its followers ({@link FollowedBookUpdated}) when someone besides the author may read it.
     */
    @ApplicationModuleListener(id = "discovery.chapter-published")
    void on(ChapterPublished event) {
        OffsetDateTime at = OffsetDateTime.ofInstant(event.publishedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        boolean added = db.sql("""
                INSERT INTO discovery.updates (id, book_id, chapter_id, chapter_number, chapter_title, words, published_at)
                SELECT :id, :book, :chapter, :number, :title, :words, :at
                WHERE NOT EXISTS (SELECT 1 FROM discovery.announcements WHERE book_id = :book AND deleted)
                ON CONFLICT (chapter_id, published_at) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("book", event.bookId().value()).param("chapter", event.chapterId().value())
                .param("number", event.number()).param("title", event.title()).param("words", event.words()).param("at", at)
                .update() == 1;
        if (!added) {
            return;
        }
        db.sql("UPDATE discovery.books SET updated_at = greatest(updated_at, :at) WHERE id = :book")
                .param("book", event.bookId().value()).param("at", at).update();
        if (event.readership() == AccessPolicy.Readership.OWNER || event.withBook()) {
            return; // released with the book's first publication: nobody could follow it yet, and the book is the news
        }
        List<UserId> followers = db.sql("SELECT user_id FROM discovery.follows WHERE book_id = :book AND user_id <> :author ORDER BY user_id")
                .param("book", event.bookId().value()).param("author", event.authorId().value())
                .query((rs, row) -> new UserId(rs.getObject(1, UUID.class))).list();
        for (int from = 0; from < followers.size(); from += FollowedBookUpdated.MAX_FOLLOWERS) {
            events.publishEvent(new FollowedBookUpdated(event.bookId(), event.authorId(), event.bookTitle(), event.chapterId(),
                    event.number(), event.title(), event.publishedAt(),
                    followers.subList(from, Math.min(followers.size(), from + FollowedBookUpdated.MAX_FOLLOWERS))));
        }
    }

    /**
     * Withdraws the release: out of every list. Recorded even when the release was not heard of yet, so a
     * {@link ChapterPublished} of it that arrives late adds nothing and tells nobody.
     */
    @ApplicationModuleListener(id = "discovery.chapter-unpublished")
    void on(ChapterUnpublished event) {
        db.sql("""
                INSERT INTO discovery.updates (id, book_id, chapter_id, chapter_number, chapter_title, words, published_at, withdrawn)
                VALUES (:id, :book, :chapter, :number, :title, 0, :at, true)
                ON CONFLICT (chapter_id, published_at) DO UPDATE SET withdrawn = true""")
                .param("id", UUID.randomUUID()).param("book", event.bookId().value()).param("chapter", event.chapterId().value())
                .param("number", event.number()).param("title", event.title())
                .param("at", OffsetDateTime.ofInstant(event.releasedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)).update();
    }

    @ApplicationModuleListener(id = "discovery.book-deleted-updates")
    void on(BookDeleted event) {
        db.sql("DELETE FROM discovery.updates WHERE book_id = :book").param("book", event.bookId().value()).update();
    }

    /** One update in a list: the chapter released and the book it belongs to. */
    record Update(UUID id, UUID bookId, String bookTitle, UUID authorId, String authorName, String genre, UUID chapterId,
                  int chapterNumber, String chapterTitle, long words, Instant publishedAt) {
    }

    record Page(List<Update> items, String nextCursor) {
    }

    /** The updates of the books the reader follows and may read, newest first. */
    Page feed(CurrentUser reader, String cursor, int size) {
        return page("JOIN discovery.follows f ON f.book_id = u.book_id AND f.user_id = :user", reader.id().value(), null,
                AccessPolicy.readableBy(Optional.of(reader)), blocklists.hidden(Optional.of(reader)), cursor, size);
    }

    /** Every update the caller may read (the latest-updates list), newest first, of one genre or all. */
    Page latest(Optional<CurrentUser> caller, String genre, String cursor, int size) {
        return page("", null, genre, AccessPolicy.readableBy(caller), blocklists.hidden(caller), cursor, size);
    }

    private Page page(String join, UUID user, String genre, List<AccessPolicy.Readership> readable, Blocklists.Hidden hidden, String cursor,
                      int size) {
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor);
        List<Update> rows = hidden.bind(db.sql("""
                SELECT u.*, b.title, b.author_id, b.author_name, b.genre FROM discovery.updates u
                JOIN discovery.books b ON b.id = u.book_id
                """ + join + """

                WHERE NOT u.withdrawn AND b.readership IN (:readable) AND (CAST(:genre AS text) IS NULL OR b.genre = :genre)
                  AND """ + Blocklists.Hidden.SQL + """

                  AND (CAST(:at AS timestamptz) IS NULL OR (u.published_at, u.id) < (CAST(:at AS timestamptz), CAST(:after AS uuid)))
                ORDER BY u.published_at DESC, u.id DESC LIMIT :limit""")
                .param("user", user).param("readable", readable.isEmpty() ? List.of("-") : readable.stream().map(Enum::name).toList())
                .param("genre", genre).param("at", after == null ? null : OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC))
                .param("after", after == null ? null : after.id()).param("limit", size + 1))
                .query(Updates::update).list();
        List<Update> items = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
        String next = rows.size() > size ? new Position(items.getLast().publishedAt(), items.getLast().id()).encode() : null;
        return new Page(items, next);
    }

    /** Where a page ended: the last update's time and id, opaque to clients (base64url). */
    record Position(Instant at, UUID id) {

        String encode() {
            String raw = "u\n" + ChronoUnit.MICROS.between(Instant.EPOCH, at) + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", -1);
                if (parts.length != 3 || !parts[0].equals("u")) {
                    throw new IllegalArgumentException("not an updates cursor");
                }
                return new Position(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS), UUID.fromString(parts[2]));
            } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
                throw Problem.badRequest("invalid-cursor", "This cursor is not one this list returned.");
            }
        }
    }

    private static Update update(ResultSet rs, int row) throws SQLException {
        return new Update(rs.getObject("id", UUID.class), rs.getObject("book_id", UUID.class), rs.getString("title"),
                rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getString("genre"),
                rs.getObject("chapter_id", UUID.class), rs.getInt("chapter_number"), rs.getString("chapter_title"), rs.getLong("words"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant());
    }
}
