package com.authorworks.discovery.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.AccessPolicy;

import tools.jackson.databind.json.JsonMapper;

/** Discovery's read model in PostgreSQL (schema {@code discovery}): the published books, who read them, and their readers' tallies. */
@Component
class Catalogue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;

    Catalogue(JdbcClient db) {
        this.db = db;
    }

    /**
     * Inserts or replaces the book's listing: the same announcement twice changes nothing. Its updated time never goes
     * back: a chapter's release (heard apart, in any order) may have moved it past the listing's own.
     */
    void upsert(CatalogueBook book) {
        db.sql("""
                INSERT INTO discovery.books (id, author_id, author_name, title, blurb, genre, tags, content_warnings, rating, language,
                  status, readership, words, chapters, first_published_at, published_at, updated_at, embedding)
                VALUES (:id, :author, :authorName, :title, :blurb, :genre, CAST(:tags AS jsonb), CAST(:warnings AS jsonb), :rating,
                  :language, :status, :readership, :words, :chapters, :first, :published, :updated, :embedding)
                ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, author_name = excluded.author_name,
                  title = excluded.title, blurb = excluded.blurb, genre = excluded.genre, tags = excluded.tags,
                  content_warnings = excluded.content_warnings, rating = excluded.rating, language = excluded.language,
                  status = excluded.status, readership = excluded.readership, words = excluded.words, chapters = excluded.chapters,
                  first_published_at = excluded.first_published_at, published_at = excluded.published_at,
                  updated_at = greatest(discovery.books.updated_at, excluded.updated_at), embedding = excluded.embedding""")
                .param("id", book.id()).param("author", book.authorId()).param("authorName", book.authorName())
                .param("title", book.title()).param("blurb", book.blurb()).param("genre", book.genre())
                .param("tags", JSON.writeValueAsString(book.tags())).param("warnings", JSON.writeValueAsString(book.contentWarnings()))
                .param("rating", book.rating()).param("language", book.language()).param("status", book.status())
                .param("readership", book.readership().name()).param("words", book.words()).param("chapters", book.chapters())
                .param("first", time(book.firstPublishedAt())).param("published", time(book.publishedAt()))
                .param("updated", time(book.updatedAt())).param("embedding", bytes(book.embedding())).update();
    }

    /**
     * Claims the book's announcement {@code revision}: true (and the row is held until the transaction
     * ends) when it is newer than every one applied before and the book was not deleted; false when it is
     * stale, a repeat, or about a deleted book, and should change nothing.
     */
    boolean claim(UUID id, long revision) {
        return db.sql("""
                INSERT INTO discovery.announcements (book_id, revision) VALUES (:id, :revision)
                ON CONFLICT (book_id) DO UPDATE SET revision = excluded.revision
                WHERE NOT announcements.deleted AND announcements.revision < excluded.revision""")
                .param("id", id).param("revision", revision).update() == 1;
    }

    /** Marks the book deleted for good: no announcement of it applies any more. */
    void tombstone(UUID id) {
        db.sql("""
                INSERT INTO discovery.announcements (book_id, revision, deleted) VALUES (:id, 0, true)
                ON CONFLICT (book_id) DO UPDATE SET deleted = true""").param("id", id).update();
    }

    void remove(UUID id) {
        db.sql("DELETE FROM discovery.books WHERE id = :id").param("id", id).update();
    }

    void forget(UUID id) {
        tombstone(id);
        remove(id);
        db.sql("DELETE FROM discovery.reads WHERE book_id = :id").param("id", id).update();
        db.sql("DELETE FROM discovery.engagement WHERE book_id = :id").param("id", id).update();
        db.sql("DELETE FROM discovery.reading_list_books WHERE book_id = :id").param("id", id).update();
    }

    Optional<CatalogueBook> find(UUID id) {
        return db.sql("SELECT * FROM discovery.books WHERE id = :id").param("id", id).query(Catalogue::book).optional();
    }

    /** The books with these ids that are still in the catalogue, by id. */
    Map<UUID, CatalogueBook> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.sql("SELECT * FROM discovery.books WHERE id IN (:ids)").param("ids", ids).query(Catalogue::book).list().stream()
                .collect(Collectors.toMap(CatalogueBook::id, Function.identity()));
    }

    long count() {
        return db.sql("SELECT count(*) FROM discovery.books").query(Long.class).single();
    }

    /** Every book, streamed (for rebuilding the index without holding the catalogue in memory). */
    void each(Consumer<CatalogueBook> consumer) {
        try (var books = db.sql("SELECT * FROM discovery.books ORDER BY id").query(Catalogue::book).stream()) {
            books.forEach(consumer);
        }
    }

    /** Records a reader's first read of a book (not of a deleted one); a repeated announcement changes nothing. */
    void read(UUID book, UUID reader, Instant at) {
        boolean first = db.sql("""
                INSERT INTO discovery.reads (book_id, reader_id, read_at)
                SELECT :book, :reader, :at WHERE NOT EXISTS (SELECT 1 FROM discovery.announcements WHERE book_id = :book AND deleted)
                ON CONFLICT DO NOTHING""")
                .param("book", book).param("reader", reader).param("at", time(at)).update() == 1;
        if (first) {
            engaged(book, Engagement.READ, at);
        }
    }

    /** What counts as a book's engagement of a day ({@code discovery.engagement}): its column. */
    enum Engagement {
        READ("reads"), FOLLOW("follows"), RATING("ratings");

        final String column;

        Engagement(String column) {
            this.column = column;
        }
    }

    /** Adds one to the book's engagement of that day (UTC), in the caller's transaction. */
    void engaged(UUID book, Engagement kind, Instant at) {
        // the column comes from the enum, never from input
        db.sql("INSERT INTO discovery.engagement (book_id, day, " + kind.column + ") VALUES (:book, :day, 1) "
                        + "ON CONFLICT (book_id, day) DO UPDATE SET " + kind.column + " = engagement." + kind.column + " + 1")
                .param("book", book).param("day", java.time.LocalDate.ofInstant(at, ZoneOffset.UTC)).update();
    }

    /** The books the reader started, most recent first, that are still published. */
    List<CatalogueBook> history(UUID reader, int limit) {
        return db.sql("""
                SELECT b.* FROM discovery.reads r JOIN discovery.books b ON b.id = r.book_id
                WHERE r.reader_id = :reader ORDER BY r.read_at DESC LIMIT :limit""")
                .param("reader", reader).param("limit", limit).query(Catalogue::book).list();
    }

    /** The ids of every book the reader started, published or not. */
    List<UUID> readBy(UUID reader) {
        return db.sql("SELECT book_id FROM discovery.reads WHERE reader_id = :reader").param("reader", reader).query(UUID.class).list();
    }

    record Trend(CatalogueBook book, long reads, double ageHours, double score) {
    }

    /**
     * The Hacker News form, (P − 1) / (T + 2)^G: P counts the author's own interest plus one per reader
     * (so P − 1 is the readers), T the hours since the book was first published, G the gravity.
     * Ties (no readers yet) go to the newest.
     */
    static final double GRAVITY = 1.8;

    /** Trending among the books the filter keeps; with {@code since} (a UTC day) only the readers who started since then count. */
    List<Trend> trending(Charts.Filter filter, java.time.LocalDate since, int limit, long offset) {
        return filter.bind(db.sql("""
                SELECT b.*, t.reads, t.age_hours, t.reads / power(t.age_hours + 2, :gravity) AS score
                FROM discovery.books b
                CROSS JOIN LATERAL (SELECT CASE WHEN CAST(:since AS date) IS NULL
                                                THEN (SELECT count(*) FROM discovery.reads r WHERE r.book_id = b.id)
                                                ELSE (SELECT coalesce(sum(e.reads), 0) FROM discovery.engagement e
                                                      WHERE e.book_id = b.id AND e.day >= CAST(:since AS date)) END AS reads,
                                           greatest(extract(epoch FROM now() - b.first_published_at) / 3600, 0) AS age_hours) t
                WHERE\s""" + Charts.FILTER + """

                ORDER BY score DESC, b.first_published_at DESC, b.id
                LIMIT :limit OFFSET :offset"""))
                .param("gravity", GRAVITY).param("since", since, java.sql.Types.DATE)
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new Trend(book(rs, row), rs.getLong("reads"), rs.getDouble("age_hours"), rs.getDouble("score")))
                .list();
    }

    long count(Charts.Filter filter) {
        return filter.bind(db.sql("SELECT count(*) FROM discovery.books b WHERE " + Charts.FILTER)).query(Long.class).single();
    }

    /** The author's published books of these readerships, newest first. */
    List<CatalogueBook> byAuthor(UUID author, List<AccessPolicy.Readership> readable, int limit) {
        return db.sql("SELECT * FROM discovery.books WHERE author_id = :author AND readership IN (:readable) ORDER BY first_published_at DESC, id LIMIT :limit")
                .param("author", author).param("readable", names(readable)).param("limit", limit).query(Catalogue::book).list();
    }

    /** How many follows the author's published books of these readerships have between them. */
    long followersOfBooksBy(UUID author, List<AccessPolicy.Readership> readable) {
        return db.sql("""
                SELECT coalesce(sum(t.followers), 0) FROM discovery.books b JOIN discovery.tallies t ON t.book_id = b.id
                WHERE b.author_id = :author AND b.readership IN (:readable)""")
                .param("author", author).param("readable", names(readable)).query(Long.class).single();
    }

    record TagCount(String tag, long books) {
    }

    /** The tags of the books of these readerships, but those the caller blocked, that start with {@code prefix} (lower case; empty: any), most used first. */
    List<TagCount> tags(List<AccessPolicy.Readership> readable, Blocklists.Hidden hidden, String prefix, int limit) {
        return hidden.bind(db.sql("""
                SELECT t.tag, count(*) AS books FROM discovery.books b CROSS JOIN LATERAL jsonb_array_elements_text(b.tags) t(tag)
                WHERE b.readership IN (:readable) AND left(lower(t.tag), :length) = :prefix AND """ + Blocklists.Hidden.SQL + """

                GROUP BY t.tag ORDER BY books DESC, t.tag LIMIT :limit"""))
                .param("readable", names(readable)).param("length", prefix.length()).param("prefix", prefix).param("limit", limit)
                .query((rs, row) -> new TagCount(rs.getString("tag"), rs.getLong("books"))).list();
    }

    Optional<Trend> trend(UUID id) {
        return db.sql("""
                SELECT b.*, t.reads, t.age_hours, t.reads / power(t.age_hours + 2, :gravity) AS score
                FROM discovery.books b
                CROSS JOIN LATERAL (SELECT (SELECT count(*) FROM discovery.reads r WHERE r.book_id = b.id) AS reads,
                                           greatest(extract(epoch FROM now() - b.first_published_at) / 3600, 0) AS age_hours) t
                WHERE b.id = :id""")
                .param("gravity", GRAVITY).param("id", id)
                .query((rs, row) -> new Trend(book(rs, row), rs.getLong("reads"), rs.getDouble("age_hours"), rs.getDouble("score")))
                .optional();
    }

    // --- readers' tallies: the follows and rating sorts, and the best-rated list --------------

    /**
     * The best-rated score is a Bayesian average: {@code (C·m + Σ overall) / (C + n)}, as if every book
     * had {@code C} more ratings of {@code m} (the middle of the 1–5 scale) besides its {@code n} real
     * ones. A few glowing ratings do not outrank many good ones, and as ratings come in the score moves
     * from {@code m} to the book's own mean. The prior is fixed rather than the mean of all ratings, so a
     * book's score depends on its own tally alone: a rating changes one score (and one document's sort
     * value in the index), not every book's.
     */
    static final double PRIOR_MEAN = 3.0;
    static final int PRIOR_WEIGHT = 5;

    /** A book's followers and ratings as tallied (no row: none of either). */
    record Tally(long followers, long ratings, long overallSum) {

        static final Tally NONE = new Tally(0, 0, 0);

        /** The mean overall mark, or null when nobody rated the book. */
        Double mean() {
            return ratings == 0 ? null : (double) overallSum / ratings;
        }

        /** The Bayesian average ({@link #PRIOR_MEAN} for a book nobody rated). */
        double score() {
            return (PRIOR_WEIGHT * PRIOR_MEAN + overallSum) / (PRIOR_WEIGHT + ratings);
        }
    }

    Tally tally(UUID book) {
        return db.sql("SELECT followers, ratings, overall_sum FROM discovery.tallies WHERE book_id = :book").param("book", book)
                .query(Catalogue::tally).optional().orElse(Tally.NONE);
    }

    /** Every tallied book's tally, by id (two numbers a book: for rebuilding the index). */
    Map<UUID, Tally> tallies() {
        Map<UUID, Tally> tallies = new HashMap<>();
        db.sql("SELECT book_id, followers, ratings, overall_sum FROM discovery.tallies")
                .query(rs -> {
                    tallies.put(rs.getObject("book_id", UUID.class), tally(rs, 0));
                });
        return tallies;
    }

    record Rated(CatalogueBook book, Tally tally) {
    }

    private static final String RATED = """
            SELECT b.*, t.followers, t.ratings, t.overall_sum,
                   (:weight * :prior + t.overall_sum) / (:weight + t.ratings) AS score
            FROM discovery.books b JOIN discovery.tallies t ON t.book_id = b.id
            """;

    /** The published books someone rated, by their Bayesian average; ties go to the more rated, then the newer. */
    List<Rated> bestRated(Charts.Filter filter, int limit, long offset) {
        return filter.bind(db.sql(RATED + "WHERE t.ratings > 0 AND " + Charts.FILTER + """

                ORDER BY score DESC, t.ratings DESC, b.first_published_at DESC, b.id
                LIMIT :limit OFFSET :offset"""))
                .param("weight", (double) PRIOR_WEIGHT).param("prior", PRIOR_MEAN)
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new Rated(book(rs, row), tally(rs, row))).list();
    }

    long countRated(Charts.Filter filter) {
        return filter.bind(db.sql(
                "SELECT count(*) FROM discovery.books b JOIN discovery.tallies t ON t.book_id = b.id WHERE t.ratings > 0 AND " + Charts.FILTER))
                .query(Long.class).single();
    }

    /** A published book with its tally (none when nobody followed or rated it). */
    Optional<Rated> rated(UUID id) {
        return find(id).map(book -> new Rated(book, tally(id)));
    }

    private static Tally tally(ResultSet rs, int row) throws SQLException {
        return new Tally(rs.getLong("followers"), rs.getLong("ratings"), rs.getLong("overall_sum"));
    }

    static List<String> names(List<AccessPolicy.Readership> readable) {
        return readable.isEmpty() ? List.of("-") : readable.stream().map(Enum::name).toList();
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    static CatalogueBook book(ResultSet rs, int row) throws SQLException {
        return new CatalogueBook(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class), rs.getString("author_name"),
                rs.getString("title"), rs.getString("blurb"), rs.getString("genre"), strings(rs.getString("tags")),
                strings(rs.getString("content_warnings")), rs.getString("rating"), rs.getString("language"), rs.getString("status"),
                AccessPolicy.Readership.valueOf(rs.getString("readership")), rs.getLong("words"), rs.getInt("chapters"),
                rs.getObject("first_published_at", OffsetDateTime.class).toInstant(),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                floats(rs.getBytes("embedding")));
    }

    private static List<String> strings(String json) {
        List<String> values = new ArrayList<>();
        JSON.readTree(json).forEach(node -> values.add(node.asString()));
        return values;
    }
}
