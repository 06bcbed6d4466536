package com.authorworks.discovery.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookId;
import com.authorworks.discovery.BookFollowed;
import com.authorworks.discovery.BookRated;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * What readers do with published books: follow them and rate them (with an optional review). Only a
 * book the caller may read in the catalogue can be followed or rated; every listing joins the
 * catalogue, so an unpublished book drops out of them and comes back if it is published again.
 */
@Component
class Readers {

    static final int MAX_REVIEW = 10_000;

    private final JdbcClient db;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Discovery discovery;

    private final PostingLimits limits;

    Readers(JdbcClient db, Catalogue catalogue, ApplicationEventPublisher events, TransactionTemplate transaction, Discovery discovery,
            PostingLimits limits) {
        this.limits = limits;
        this.db = db;
        this.catalogue = catalogue;
        this.events = events;
        this.transaction = transaction;
        this.discovery = discovery;
    }

    /** A rating as given: overall 1–5; the parts 1–5 or null; the review plain text or null. */
    record Given(int overall, Integer style, Integer story, Integer grammar, Integer characters, String review) {
    }

    record Rating(UUID bookId, UUID readerId, Given given, Instant createdAt, Instant updatedAt) {
    }

    /** The averages of a book's ratings (null where nobody rated that part) and its followers. */
    record Summary(long ratings, Double overall, Double style, Double story, Double grammar, Double characters, long reviews, long followers) {
    }

    /** The published book the caller may read; else a 404 that does not say whether it exists. */
    CatalogueBook readable(UUID id, CurrentUser caller) {
        return readable(id, Optional.of(caller));
    }

    CatalogueBook readable(UUID id, Optional<CurrentUser> caller) {
        return catalogue.find(id).filter(book -> AccessPolicy.readableBy(caller).contains(book.readership()))
                .orElseThrow(() -> Problem.notFound("book-not-found", "No published book " + id + " that you may read."));
    }

    /** Follows the book; {@link BookFollowed} the first time, to the author unless they follow their own book. */
    long follow(CatalogueBook book, CurrentUser reader) {
        long followers = transaction.execute(tx -> {
            boolean added = db.sql("INSERT INTO discovery.follows (user_id, book_id) VALUES (:user, :book) ON CONFLICT DO NOTHING")
                    .param("user", reader.id().value()).param("book", book.id()).update() == 1;
            if (added) {
                db.sql("""
                        INSERT INTO discovery.tallies (book_id, followers) VALUES (:book, 1)
                        ON CONFLICT (book_id) DO UPDATE SET followers = tallies.followers + 1""").param("book", book.id()).update();
                catalogue.engaged(book.id(), Catalogue.Engagement.FOLLOW, Instant.now());
                if (!book.authorId().equals(reader.id().value())) {
                    events.publishEvent(new BookFollowed(new BookId(book.id()), reader.id(), new UserId(book.authorId()), book.title()));
                }
            }
            return followers(book.id());
        });
        discovery.retally(book.id());
        return followers;
    }

    long unfollow(CatalogueBook book, CurrentUser reader) {
        long followers = transaction.execute(tx -> {
            boolean removed = db.sql("DELETE FROM discovery.follows WHERE user_id = :user AND book_id = :book")
                    .param("user", reader.id().value()).param("book", book.id()).update() == 1;
            if (removed) {
                db.sql("UPDATE discovery.tallies SET followers = followers - 1 WHERE book_id = :book").param("book", book.id()).update();
            }
            return followers(book.id());
        });
        discovery.retally(book.id());
        return followers;
    }

    /**
     * Holds the book's tally row (made if missing) until the transaction ends, so two ratings of one book
     * change its sums one after the other and each sees the rating the other left.
     */
    private void lockTally(UUID book) {
        db.sql("""
                INSERT INTO discovery.tallies (book_id) VALUES (:book)
                ON CONFLICT (book_id) DO UPDATE SET book_id = excluded.book_id""").param("book", book).update();
    }

    private void addToTally(UUID book, long ratings, long overall) {
        db.sql("UPDATE discovery.tallies SET ratings = ratings + :ratings, overall_sum = overall_sum + :overall WHERE book_id = :book")
                .param("ratings", ratings).param("overall", overall).param("book", book).update();
    }

    boolean follows(UUID book, CurrentUser reader) {
        return db.sql("SELECT count(*) FROM discovery.follows WHERE user_id = :user AND book_id = :book").param("user", reader.id().value())
                .param("book", book).query(Long.class).single() > 0;
    }

    long followers(UUID book) {
        return db.sql("SELECT count(*) FROM discovery.follows WHERE book_id = :book").param("book", book).query(Long.class).single();
    }

    /** The published books the reader follows that they may read, most recently followed first. */
    Page<CatalogueBook> following(CurrentUser reader, PageRequest page) {
        List<String> readable = AccessPolicy.readableBy(Optional.of(reader)).stream().map(Enum::name).toList();
        List<UUID> ids = db.sql("""
                SELECT f.book_id FROM discovery.follows f JOIN discovery.books b ON b.id = f.book_id
                WHERE f.user_id = :user AND b.readership IN (:readable) ORDER BY f.followed_at DESC, f.book_id LIMIT :limit OFFSET :offset""")
                .param("user", reader.id().value()).param("readable", readable).param("limit", page.size()).param("offset", page.offset())
                .query(UUID.class).list();
        long total = db.sql("""
                SELECT count(*) FROM discovery.follows f JOIN discovery.books b ON b.id = f.book_id
                WHERE f.user_id = :user AND b.readership IN (:readable)""")
                .param("user", reader.id().value()).param("readable", readable).query(Long.class).single();
        var found = catalogue.find(ids);
        return Page.of(ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList(), page, total);
    }

    /** Saves the reader's rating of the book (not their own); {@link BookRated} with each save. */
    Rating rate(CatalogueBook book, CurrentUser reader, Given given) {
        if (book.authorId().equals(reader.id().value())) {
            throw Problem.forbidden("own-book", "Authors don't rate their own books.");
        }
        String review = given.review() == null || given.review().isBlank() ? null : given.review().strip();
        if (review != null && review.length() > MAX_REVIEW) {
            throw Problem.badRequest("review-too-long", "A review is at most " + MAX_REVIEW + " characters.");
        }
        Rating saved = transaction.execute(tx -> {
            if (review != null) {
                limits.take(reader.id(), PostingLimits.Kind.REVIEW);
            }
            lockTally(book.id());
            Optional<Integer> before = db.sql("SELECT overall FROM discovery.ratings WHERE user_id = :user AND book_id = :book")
                    .param("user", reader.id().value()).param("book", book.id()).query(Integer.class).optional();
            int saves = db.sql("""
                    INSERT INTO discovery.ratings (user_id, book_id, overall, style, story, grammar, characters, review)
                    VALUES (:user, :book, :overall, :style, :story, :grammar, :characters, :review)
                    ON CONFLICT (user_id, book_id) DO UPDATE SET overall = excluded.overall, style = excluded.style,
                      story = excluded.story, grammar = excluded.grammar, characters = excluded.characters, review = excluded.review,
                      saves = discovery.ratings.saves + 1, updated_at = now()
                    RETURNING saves""")
                    .param("user", reader.id().value()).param("book", book.id()).param("overall", given.overall())
                    .param("style", given.style()).param("story", given.story()).param("grammar", given.grammar())
                    .param("characters", given.characters()).param("review", review).query(Integer.class).single();
            addToTally(book.id(), before.isPresent() ? 0 : 1, given.overall() - before.orElse(0));
            if (before.isEmpty()) {
                catalogue.engaged(book.id(), Catalogue.Engagement.RATING, Instant.now());
            }
            events.publishEvent(new BookRated(new BookId(book.id()), reader.id(), new UserId(book.authorId()), book.title(), given.overall(),
                    review != null, saves));
            return mine(book.id(), reader).orElseThrow();
        });
        discovery.retally(book.id());
        return saved;
    }

    boolean unrate(UUID book, CurrentUser reader) {
        boolean removed = transaction.execute(tx -> {
            lockTally(book);
            Optional<Integer> overall = db.sql("DELETE FROM discovery.ratings WHERE user_id = :user AND book_id = :book RETURNING overall")
                    .param("user", reader.id().value()).param("book", book).query(Integer.class).optional();
            overall.ifPresent(mark -> addToTally(book, -1, -mark));
            return overall.isPresent();
        });
        discovery.retally(book);
        return removed;
    }

    Optional<Rating> mine(UUID book, CurrentUser reader) {
        return db.sql("SELECT * FROM discovery.ratings WHERE user_id = :user AND book_id = :book").param("user", reader.id().value())
                .param("book", book).query(Readers::rating).optional();
    }

    Summary summary(UUID book) {
        return db.sql("""
                SELECT count(*) AS ratings, avg(overall) AS overall, avg(style) AS style, avg(story) AS story, avg(grammar) AS grammar,
                       avg(characters) AS characters, count(review) FILTER (WHERE hidden_at IS NULL) AS reviews,
                       (SELECT count(*) FROM discovery.follows WHERE book_id = :book) AS followers
                FROM discovery.ratings WHERE book_id = :book""")
                .param("book", book)
                .query((rs, row) -> new Summary(rs.getLong("ratings"), average(rs, "overall"), average(rs, "style"), average(rs, "story"),
                        average(rs, "grammar"), average(rs, "characters"), rs.getLong("reviews"), rs.getLong("followers")))
                .single();
    }

    /** The reader's review of the book, unless it is hidden. */
    Optional<Rating> review(UUID book, UUID reader) {
        return db.sql("SELECT * FROM discovery.ratings WHERE user_id = :user AND book_id = :book AND review IS NOT NULL AND hidden_at IS NULL")
                .param("user", reader).param("book", book).query(Readers::rating).optional();
    }

    /** Hides a review from the book's reviews (or shows it again); its rating still counts. */
    void setReviewHidden(UUID book, UUID reader, boolean hidden, UserId by) {
        db.sql(hidden
                        ? "UPDATE discovery.ratings SET hidden_at = coalesce(hidden_at, now()), hidden_by = coalesce(hidden_by, :by) WHERE user_id = :user AND book_id = :book"
                        : "UPDATE discovery.ratings SET hidden_at = NULL, hidden_by = NULL WHERE user_id = :user AND book_id = :book")
                .param("by", by.value()).param("user", reader).param("book", book).update();
    }

    /** The ratings that have a review, newest first; hidden reviews left out. */
    Page<Rating> reviews(UUID book, PageRequest page) {
        List<Rating> items = db.sql("""
                SELECT * FROM discovery.ratings WHERE book_id = :book AND review IS NOT NULL AND hidden_at IS NULL
                ORDER BY updated_at DESC, user_id LIMIT :limit OFFSET :offset""")
                .param("book", book).param("limit", page.size()).param("offset", page.offset()).query(Readers::rating).list();
        long total = db.sql("SELECT count(*) FROM discovery.ratings WHERE book_id = :book AND review IS NOT NULL AND hidden_at IS NULL").param("book", book)
                .query(Long.class).single();
        return Page.of(items, page, total);
    }

    private static Double average(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : Math.round(value.doubleValue() * 100) / 100.0;
    }

    private static Integer part(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Rating rating(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Rating(rs.getObject("book_id", UUID.class), rs.getObject("user_id", UUID.class),
                new Given(rs.getInt("overall"), part(rs, "style"), part(rs, "story"), part(rs, "grammar"), part(rs, "characters"),
                        rs.getString("review")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
