package com.authorworks.discovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.AccessPolicy;

/**
 * The windowed lists, from each book's daily engagement ({@code discovery.engagement}, added to as readers
 * start, follow and rate books): popular this week and rising stars. Each list keeps only what the caller
 * may read and leaves out the books with a hidden tag, as search does.
 */
@Component
class Charts {

    /** What a reader's interest is worth: a start, a follow, a first rating. */
    static final int READ_POINTS = 1;
    static final int FOLLOW_POINTS = 2;
    static final int RATING_POINTS = 3;
    /** Rising stars are books first published at most this many days ago. */
    static final int RISING_DAYS = 30;

    private final JdbcClient db;

    Charts(JdbcClient db) {
        this.db = db;
    }

    /** The books a list may hold: readable by the caller, of the genre if one is given, with none of the hidden tags, none the caller blocked. */
    record Filter(List<AccessPolicy.Readership> readable, String genre, List<String> excludedTags, Blocklists.Hidden hidden) {

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            return hidden.bind(sql.param("readable", Catalogue.names(readable)).param("genre", genre)
                    .param("anyExcluded", !excludedTags.isEmpty()).param("excluded", excludedTags.isEmpty() ? List.of("") : excludedTags));
        }
    }

    /** The books a list may hold ({@link Filter}): the caller's blocklist ({@link Blocklists.Hidden}) included. */
    static final String FILTER = """
            b.readership IN (:readable) AND (CAST(:genre AS text) IS NULL OR b.genre = :genre)
            AND (NOT :anyExcluded OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(b.tags) hidden(tag) WHERE hidden.tag IN (:excluded)))
            AND """ + Blocklists.Hidden.SQL;

    /** A book's engagement in a window: points = reads·1 + follows·2 + ratings·3. */
    record Popular(CatalogueBook book, long reads, long follows, long ratings, long points) {
    }

    private static final String POPULAR = """
            SELECT b.*, e.reads, e.follows, e.ratings, e.reads * :readPoints + e.follows * :followPoints + e.ratings * :ratingPoints AS points
            FROM discovery.books b
            JOIN (SELECT book_id, sum(reads) AS reads, sum(follows) AS follows, sum(ratings) AS ratings
                  FROM discovery.engagement WHERE day >= :since GROUP BY book_id) e ON e.book_id = b.id
            """;

    /** The books readers took to since {@code since} (a UTC day), most points first; ties go to the newer. */
    List<Popular> popular(Filter filter, LocalDate since, int limit, long offset) {
        return points(filter.bind(db.sql(POPULAR + "WHERE " + FILTER + """

                ORDER BY points DESC, b.first_published_at DESC, b.id LIMIT :limit OFFSET :offset""")), since)
                .param("limit", limit).param("offset", offset).query(Charts::popular).list();
    }

    long countPopular(Filter filter, LocalDate since) {
        return points(filter.bind(db.sql("SELECT count(*) FROM (" + POPULAR + "WHERE " + FILTER + ") listed")), since)
                .query(Long.class).single();
    }

    Optional<Popular> popularity(UUID book, LocalDate since) {
        return points(db.sql("""
                SELECT b.*, coalesce(e.reads, 0) AS reads, coalesce(e.follows, 0) AS follows, coalesce(e.ratings, 0) AS ratings,
                       coalesce(e.reads * :readPoints + e.follows * :followPoints + e.ratings * :ratingPoints, 0) AS points
                FROM discovery.books b
                LEFT JOIN (SELECT book_id, sum(reads) AS reads, sum(follows) AS follows, sum(ratings) AS ratings
                           FROM discovery.engagement WHERE day >= :since AND book_id = :id GROUP BY book_id) e ON e.book_id = b.id
                WHERE b.id = :id"""), since).param("id", book).query(Charts::popular).optional();
    }

    /**
     * A rising star's parts: its points since it was first published, its age in days, and its author's prior
     * audience (the followers of the author's books published before it); {@code debut} when there were none.
     * score = points / (days + 1) / (1 + ln(1 + prior audience)): growth for its age, fair to a new author.
     */
    record Rising(CatalogueBook book, long reads, long follows, long ratings, long points, double ageDays, long priorAudience,
                  boolean debut, double score, boolean reserved) {

        Rising reserve() {
            return new Rising(book, reads, follows, ratings, points, ageDays, priorAudience, debut, score, true);
        }
    }

    /**
     * Reserved slots for debuts: of every {@link #SLOT_BLOCK} places of rising stars (1–10, 11–20, …) at least
     * {@link #DEBUT_SLOTS} go to debuts while debuts are left. The list is ranked by score; where a block would
     * otherwise end with fewer debuts, the best debuts not yet placed take its last places ({@code reserved}: placed
     * by the rule, not by score), and the others move down. A debut ranked there by score anyway is not reserved.
     */
    static final int SLOT_BLOCK = 10;
    static final int DEBUT_SLOTS = 3;

    private static final String RISING = """
            SELECT b.*, e.reads, e.follows, e.ratings, e.points, a.age_days, p.prior_audience, p.earlier = 0 AS debut,
                   e.points / (a.age_days + 1) / (1 + ln(1 + p.prior_audience)) AS score
            FROM discovery.books b
            CROSS JOIN LATERAL (SELECT coalesce(sum(reads), 0) AS reads, coalesce(sum(follows), 0) AS follows,
                                       coalesce(sum(ratings), 0) AS ratings,
                                       coalesce(sum(reads * :readPoints + follows * :followPoints + ratings * :ratingPoints), 0) AS points
                                FROM discovery.engagement WHERE book_id = b.id) e
            CROSS JOIN LATERAL (SELECT greatest(extract(epoch FROM now() - b.first_published_at) / 86400, 0) AS age_days) a
            CROSS JOIN LATERAL (SELECT count(o.id) AS earlier, coalesce(sum(t.followers), 0) AS prior_audience
                                FROM discovery.books o LEFT JOIN discovery.tallies t ON t.book_id = o.id
                                WHERE o.author_id = b.author_id AND o.id <> b.id AND o.first_published_at < b.first_published_at) p
            """;

    /**
     * New books (first published in the last {@link #RISING_DAYS} days) that readers took to, fastest for their age
     * first, with {@link #DEBUT_SLOTS} of every {@link #SLOT_BLOCK} places kept for debuts ({@link #withDebutSlots}).
     */
    List<Rising> rising(Filter filter, int limit, long offset) {
        // the first (offset + limit) of each kind are all the merge can reach; their order is the ranking's
        long needed = offset + limit;
        List<Rising> ranked = points(filter.bind(db.sql("SELECT * FROM (SELECT r.*, row_number() OVER (PARTITION BY r.debut "
                + "ORDER BY r.score DESC, r.first_published_at DESC, r.id) AS within, row_number() OVER (ORDER BY r.score DESC, "
                + "r.first_published_at DESC, r.id) AS overall FROM (" + RISING
                + "WHERE e.points > 0 AND b.first_published_at > now() - make_interval(days => :days) AND " + FILTER
                + ") r) ranked WHERE within <= :needed ORDER BY overall")), null)
                .param("days", RISING_DAYS).param("needed", needed).query(Charts::rising).list();
        List<Rising> merged = withDebutSlots(ranked);
        return merged.subList((int) Math.min(offset, merged.size()), (int) Math.min(needed, merged.size()));
    }

    /** The ranking (best first) with debuts' reserved slots: see {@link #DEBUT_SLOTS}. */
    static List<Rising> withDebutSlots(List<Rising> ranked) {
        java.util.ArrayDeque<Rising> debuts = new java.util.ArrayDeque<>(ranked.stream().filter(Rising::debut).toList());
        java.util.ArrayDeque<Rising> others = new java.util.ArrayDeque<>(ranked.stream().filter(r -> !r.debut()).toList());
        java.util.Map<Rising, Integer> rank = new java.util.IdentityHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rank.put(ranked.get(i), i);
        }
        List<Rising> placed = new java.util.ArrayList<>(ranked.size());
        int debutsInBlock = 0;
        while (!debuts.isEmpty() || !others.isEmpty()) {
            int position = placed.size() % SLOT_BLOCK;
            if (position == 0) {
                debutsInBlock = 0;
            }
            boolean mustBeDebut = !debuts.isEmpty() && DEBUT_SLOTS - debutsInBlock >= SLOT_BLOCK - position;
            boolean debutLeads = !debuts.isEmpty() && (others.isEmpty() || rank.get(debuts.peek()) < rank.get(others.peek()));
            if (debutLeads || mustBeDebut) {
                Rising debut = debuts.poll();
                placed.add(debutLeads ? debut : debut.reserve());
                debutsInBlock++;
            } else {
                placed.add(others.poll());
            }
        }
        return placed;
    }

    long countRising(Filter filter) {
        return points(filter.bind(db.sql("SELECT count(*) FROM (" + RISING
                + "WHERE e.points > 0 AND b.first_published_at > now() - make_interval(days => :days) AND " + FILTER + ") listed")), null)
                .param("days", RISING_DAYS).query(Long.class).single();
    }

    Optional<Rising> risingParts(UUID book) {
        return points(db.sql(RISING + "WHERE b.id = :id"), null).param("id", book).query(Charts::rising).optional();
    }

    /** The first UTC day of a window of {@code days} days ending today. */
    static LocalDate since(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L);
    }

    private static JdbcClient.StatementSpec points(JdbcClient.StatementSpec sql, LocalDate since) {
        JdbcClient.StatementSpec bound = sql.param("readPoints", READ_POINTS).param("followPoints", FOLLOW_POINTS)
                .param("ratingPoints", RATING_POINTS);
        return since == null ? bound : bound.param("since", since);
    }

    private static Popular popular(ResultSet rs, int row) throws SQLException {
        return new Popular(Catalogue.book(rs, row), rs.getLong("reads"), rs.getLong("follows"), rs.getLong("ratings"), rs.getLong("points"));
    }

    private static Rising rising(ResultSet rs, int row) throws SQLException {
        return new Rising(Catalogue.book(rs, row), rs.getLong("reads"), rs.getLong("follows"), rs.getLong("ratings"), rs.getLong("points"),
                rs.getDouble("age_days"), rs.getLong("prior_audience"), rs.getBoolean("debut"), rs.getDouble("score"), false);
    }
}
