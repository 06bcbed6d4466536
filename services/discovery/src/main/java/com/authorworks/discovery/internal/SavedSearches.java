package com.authorworks.discovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Readers' saved searches: a name and the parameters of {@code GET /api/v1/discover/books}, run again on demand
 * (with the reader's blocklist, as every search of theirs). Private to their owner: to anyone else a saved search
 * is {@code 404 saved-search-not-found}, whatever they try, so its existence is no one else's business.
 */
@Component
class SavedSearches {

    static final int MAX_NAME = 100;
    static final int MAX_SEARCHES = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record SavedSearch(UUID id, UUID ownerId, String name, SearchParams params, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    SavedSearches(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** Saves a search; its parameters are checked as a search checks them ({@code 400} with the same codes). */
    SavedSearch create(CurrentUser owner, String name, SearchParams params) {
        String clean = name(name);
        SearchParams checked = check(params, owner);
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(tx -> {
            db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "discovery.saved-searches:" + owner.id().value())
                    .query().listOfRows();
            long count = db.sql("SELECT count(*) FROM discovery.saved_searches WHERE owner_id = :owner").param("owner", owner.id().value())
                    .query(Long.class).single();
            if (count >= MAX_SEARCHES) {
                throw Problem.conflict("too-many-saved-searches", "At most " + MAX_SEARCHES + " saved searches: delete one first.");
            }
            db.sql("""
                    INSERT INTO discovery.saved_searches (id, owner_id, name, params, created_at, updated_at)
                    VALUES (:id, :owner, :name, CAST(:params AS jsonb), clock_timestamp(), clock_timestamp())""")
                    .param("id", id).param("owner", owner.id().value()).param("name", clean)
                    .param("params", JSON.writeValueAsString(checked)).update();
        });
        return find(id, owner);
    }

    /** The owner's saved searches, oldest first. */
    List<SavedSearch> of(UserId owner) {
        return db.sql("SELECT * FROM discovery.saved_searches WHERE owner_id = :owner ORDER BY created_at, id")
                .param("owner", owner.value()).query(SavedSearches::search).list();
    }

    /** The caller's saved search; anyone else's (or none) is a 404. */
    SavedSearch find(UUID id, CurrentUser caller) {
        return db.sql("SELECT * FROM discovery.saved_searches WHERE id = :id AND owner_id = :owner")
                .param("id", id).param("owner", caller.id().value()).query(SavedSearches::search).optional()
                .orElseThrow(() -> Problem.notFound("saved-search-not-found", "You have no saved search " + id + "."));
    }

    /** Renames it or changes its search: only what is given changes. */
    SavedSearch update(UUID id, CurrentUser caller, String name, SearchParams params) {
        find(id, caller);
        String clean = name == null ? null : name(name);
        SearchParams checked = params == null ? null : check(params, caller);
        db.sql("""
                UPDATE discovery.saved_searches SET name = coalesce(:name, name), params = coalesce(CAST(:params AS jsonb), params),
                  updated_at = clock_timestamp() WHERE id = :id AND owner_id = :owner""")
                .param("id", id).param("owner", caller.id().value()).param("name", clean)
                .param("params", checked == null ? null : JSON.writeValueAsString(checked)).update();
        return find(id, caller);
    }

    void delete(UUID id, CurrentUser caller) {
        if (db.sql("DELETE FROM discovery.saved_searches WHERE id = :id AND owner_id = :owner")
                .param("id", id).param("owner", caller.id().value()).update() == 0) {
            throw Problem.notFound("saved-search-not-found", "You have no saved search " + id + ".");
        }
    }

    private static SearchParams check(SearchParams params, CurrentUser caller) {
        SearchParams given = params == null ? SearchParams.NONE : params;
        DiscoverController.query(given, null, null, Optional.of(caller));
        return given;
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw Problem.badRequest("invalid-search-name", "A saved search's name is 1 to " + MAX_NAME + " characters.");
        }
        return clean;
    }

    private static SavedSearch search(ResultSet rs, int row) throws SQLException {
        return new SavedSearch(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("name"),
                JSON.readValue(rs.getString("params"), SearchParams.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
