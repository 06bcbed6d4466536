package com.authorworks.discovery.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * Readers' saved blocklists: the authors and tags a reader never wants to see (AO3's muting, but on the server, so
 * totals and facet counts are right). {@link #hidden} is what every search, list, feed and recommendation of the
 * caller leaves out; someone signed out hides nothing. A reader's own list, read and replaced only by them.
 */
@Component
class Blocklists {

    static final int MAX_AUTHORS = 500;
    static final int MAX_TAGS = 500;

    /** A reader's blocklist, and what their answers leave out: books by these authors, books with any of these tags. */
    record Hidden(List<UUID> authors, List<String> tags) {

        static final Hidden NONE = new Hidden(List.of(), List.of());

        boolean isEmpty() {
            return authors.isEmpty() && tags.isEmpty();
        }

        /** Binds {@link #SQL}'s parameters (never an empty list: SQL's {@code IN ()} is not allowed). */
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            return sql.param("anyHiddenAuthor", !authors.isEmpty()).param("hiddenAuthors", authors.isEmpty() ? List.of(new UUID(0, 0)) : authors)
                    .param("anyHiddenTag", !tags.isEmpty()).param("hiddenTags", tags.isEmpty() ? List.of("") : tags);
        }

        /** The condition on a book {@code b} of discovery.books. */
        static final String SQL = """
                (NOT :anyHiddenAuthor OR b.author_id NOT IN (:hiddenAuthors))
                AND (NOT :anyHiddenTag OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(b.tags) muted(tag) WHERE muted.tag IN (:hiddenTags)))""";
    }

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    Blocklists(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** What the caller's answers leave out; nothing for someone signed out. */
    Hidden hidden(Optional<CurrentUser> caller) {
        return caller.map(user -> of(user.id())).orElse(Hidden.NONE);
    }

    Hidden of(UserId owner) {
        List<UUID> authors = db.sql("SELECT author_id FROM discovery.blocked_authors WHERE owner_id = :owner ORDER BY created_at, author_id")
                .param("owner", owner.value()).query(UUID.class).list();
        List<String> tags = db.sql("SELECT tag FROM discovery.blocked_tags WHERE owner_id = :owner ORDER BY tag")
                .param("owner", owner.value()).query(String.class).list();
        return new Hidden(authors, tags);
    }

    /**
     * Replaces the reader's blocklist. Tags are taken in search's form (lower case, spaces collapsed; at most 100
     * characters, {@code 400 invalid-filter}); an author may not be the reader ({@code 400 own-author}); duplicates count once.
     */
    Hidden replace(UserId owner, List<UUID> authors, List<String> tags) {
        List<UUID> cleanAuthors = new ArrayList<>(new LinkedHashSet<>(authors == null ? List.of() : authors.stream().filter(Objects::nonNull).toList()));
        List<String> cleanTags = new ArrayList<>(new LinkedHashSet<>(tags == null ? List.of()
                : tags.stream().map(tag -> DiscoverController.value("tag", tag)).filter(tag -> !tag.isEmpty()).toList()));
        if (cleanAuthors.contains(owner.value())) {
            throw Problem.badRequest("own-author", "You cannot hide your own books from yourself.");
        }
        if (cleanAuthors.size() > MAX_AUTHORS || cleanTags.size() > MAX_TAGS) {
            throw Problem.badRequest("blocklist-too-long", "A blocklist holds at most " + MAX_AUTHORS + " authors and " + MAX_TAGS + " tags.");
        }
        transaction.executeWithoutResult(tx -> {
            db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "discovery.blocklist:" + owner.value())
                    .query().listOfRows();
            db.sql("DELETE FROM discovery.blocked_authors WHERE owner_id = :owner").param("owner", owner.value()).update();
            db.sql("DELETE FROM discovery.blocked_tags WHERE owner_id = :owner").param("owner", owner.value()).update();
            for (UUID author : cleanAuthors) {
                db.sql("INSERT INTO discovery.blocked_authors (owner_id, author_id, created_at) VALUES (:owner, :author, clock_timestamp())")
                        .param("owner", owner.value()).param("author", author).update();
            }
            for (String tag : cleanTags) {
                db.sql("INSERT INTO discovery.blocked_tags (owner_id, tag) VALUES (:owner, :tag)").param("owner", owner.value()).param("tag", tag).update();
            }
        });
        return of(owner);
    }
}
