package com.authorworks.discovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.AccessPolicy;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/**
 * Readers' named reading lists of published books (Wattpad's reading lists), public or private. Who may do
 * what to a list is decided here and nowhere else ({@link #visible}, {@link #owned}): its owner does
 * everything; anyone may see a public list; a private list is {@code 404 list-not-found} to everyone else,
 * as if it did not exist. The books shown are those in the catalogue the caller may read (content's
 * {@link AccessPolicy}), so an unpublished book leaves every list it is in and comes back when it is
 * published again.
 */
@Component
class ReadingLists {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_LISTS = 200;
    static final int MAX_BOOKS = 500;

    private final JdbcClient db;
    private final Catalogue catalogue;
    private final Readers readers;
    private final TransactionTemplate transaction;

    ReadingLists(JdbcClient db, Catalogue catalogue, Readers readers, TransactionTemplate transaction) {
        this.db = db;
        this.catalogue = catalogue;
        this.readers = readers;
        this.transaction = transaction;
    }

    record ReadingList(UUID id, UUID ownerId, String name, String description, boolean isPublic, int books, Instant createdAt,
                       Instant updatedAt) {

        String visibility() {
            return isPublic ? "public" : "private";
        }
    }

    /** {@code public} or {@code private} (any case); null: not given. */
    static Boolean isPublic(String visibility) {
        if (visibility == null) {
            return null;
        }
        return switch (visibility.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "public" -> true;
            case "private" -> false;
            default -> throw new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-visibility", "visibility is public or private.",
                    Map.of("allowed", List.of("public", "private")));
        };
    }

    // --- the access policy of reading lists ----------------------------------------------------

    /** The list, if the caller may see it (theirs, or public); else 404, whether or not it exists. */
    ReadingList visible(UUID id, Optional<CurrentUser> caller) {
        return find(id).filter(list -> list.isPublic() || caller.map(user -> user.id().value().equals(list.ownerId())).orElse(false))
                .orElseThrow(() -> notFound(id));
    }

    /** The caller's own list; another's public list is {@code 403 not-your-list}, a private one 404. */
    ReadingList owned(UUID id, CurrentUser caller) {
        ReadingList list = visible(id, Optional.of(caller));
        if (!list.ownerId().equals(caller.id().value())) {
            throw Problem.forbidden("not-your-list", "Only its owner changes a reading list.");
        }
        return list;
    }

    // --- lists -----------------------------------------------------------------------------------

    ReadingList create(CurrentUser owner, String name, String description, boolean isPublic) {
        String clean = name(name);
        String about = description(description);
        return transaction.execute(tx -> {
            long count = db.sql("SELECT count(*) FROM discovery.reading_lists WHERE owner_id = :owner").param("owner", owner.id().value())
                    .query(Long.class).single();
            if (count >= MAX_LISTS) {
                throw Problem.conflict("too-many-lists", "A reader keeps at most " + MAX_LISTS + " reading lists.");
            }
            UUID id = UUID.randomUUID();
            db.sql("INSERT INTO discovery.reading_lists (id, owner_id, name, description, public) VALUES (:id, :owner, :name, :description, :public)")
                    .param("id", id).param("owner", owner.id().value()).param("name", clean).param("description", about)
                    .param("public", isPublic).update();
            return find(id).orElseThrow();
        });
    }

    ReadingList change(UUID id, CurrentUser caller, String name, String description, Boolean isPublic) {
        ReadingList list = owned(id, caller);
        db.sql("""
                UPDATE discovery.reading_lists SET name = :name, description = :description, public = :public, updated_at = now()
                WHERE id = :id""")
                .param("id", list.id()).param("name", name == null ? list.name() : name(name))
                .param("description", description == null ? list.description() : description(description))
                .param("public", isPublic == null ? list.isPublic() : isPublic).update();
        return find(id).orElseThrow();
    }

    void delete(UUID id, CurrentUser caller) {
        db.sql("DELETE FROM discovery.reading_lists WHERE id = :id").param("id", owned(id, caller).id()).update();
    }

    /** The owner's lists: all of them for the owner, the public ones for anyone else; oldest first. */
    List<ReadingList> of(UUID owner, Optional<CurrentUser> caller) {
        boolean own = caller.map(user -> user.id().value().equals(owner)).orElse(false);
        return db.sql(SELECT + "WHERE l.owner_id = :owner AND (:own OR l.public) ORDER BY l.created_at, l.id")
                .param("owner", owner).param("own", own).query(ReadingLists::list).list();
    }

    // --- books in a list -------------------------------------------------------------------------

    /** The list's books the caller may read, in the list's order. */
    List<CatalogueBook> books(ReadingList list, Optional<CurrentUser> caller) {
        List<UUID> ids = ids(list.id());
        Map<UUID, CatalogueBook> found = catalogue.find(ids);
        List<AccessPolicy.Readership> readable = AccessPolicy.readableBy(caller);
        return ids.stream().map(found::get).filter(Objects::nonNull).filter(book -> readable.contains(book.readership())).toList();
    }

    /** Puts a book the caller may read at the end of their list (already there: where it is). */
    ReadingList add(UUID id, UUID book, CurrentUser caller) {
        ReadingList list = owned(id, caller);
        CatalogueBook found = readers.readable(book, caller);
        transaction.executeWithoutResult(tx -> {
            lock(list.id());
            if (ids(list.id()).size() >= MAX_BOOKS) {
                throw Problem.conflict("list-full", "A reading list holds at most " + MAX_BOOKS + " books.");
            }
            int added = db.sql("""
                    INSERT INTO discovery.reading_list_books (list_id, book_id, position)
                    SELECT :list, :book, coalesce(max(position), 0) + 1 FROM discovery.reading_list_books WHERE list_id = :list
                    ON CONFLICT DO NOTHING""").param("list", list.id()).param("book", found.id()).update();
            if (added == 1) {
                touch(list.id());
            }
        });
        return find(id).orElseThrow();
    }

    void remove(UUID id, UUID book, CurrentUser caller) {
        ReadingList list = owned(id, caller);
        int removed = db.sql("DELETE FROM discovery.reading_list_books WHERE list_id = :list AND book_id = :book")
                .param("list", list.id()).param("book", book).update();
        if (removed == 0) {
            throw Problem.notFound("book-not-in-list", "The list has no book " + book + ".");
        }
        touch(list.id());
    }

    /**
     * Puts the named books first, in that order; the list's other books (such as those not published just
     * now) keep their order after them. Every id must be in the list, once.
     */
    ReadingList reorder(UUID id, List<UUID> order, CurrentUser caller) {
        ReadingList list = owned(id, caller);
        transaction.executeWithoutResult(tx -> {
            lock(list.id());
            List<UUID> current = ids(list.id());
            Set<UUID> seen = new HashSet<>();
            for (UUID book : order) {
                if (book == null || !current.contains(book) || !seen.add(book)) {
                    throw Problem.badRequest("invalid-order", "bookIds names books of the list, each once.");
                }
            }
            LinkedHashSet<UUID> next = new LinkedHashSet<>(order);
            next.addAll(current);
            int position = 1;
            for (UUID book : new ArrayList<>(next)) {
                db.sql("UPDATE discovery.reading_list_books SET position = :position WHERE list_id = :list AND book_id = :book")
                        .param("position", position++).param("list", list.id()).param("book", book).update();
            }
            touch(list.id());
        });
        return find(id).orElseThrow();
    }

    private List<UUID> ids(UUID list) {
        return db.sql("SELECT book_id FROM discovery.reading_list_books WHERE list_id = :list ORDER BY position, added_at, book_id")
                .param("list", list).query(UUID.class).list();
    }

    /** Holds the list's row until the transaction ends, so two changes of one list's books are made one after the other. */
    private void lock(UUID list) {
        db.sql("SELECT id FROM discovery.reading_lists WHERE id = :id FOR UPDATE").param("id", list).query(UUID.class).optional();
    }

    private void touch(UUID list) {
        db.sql("UPDATE discovery.reading_lists SET updated_at = now() WHERE id = :id").param("id", list).update();
    }

    private static final String SELECT = """
            SELECT l.*, (SELECT count(*) FROM discovery.reading_list_books lb JOIN discovery.books b ON b.id = lb.book_id
                         WHERE lb.list_id = l.id) AS books
            FROM discovery.reading_lists l
            """;

    private Optional<ReadingList> find(UUID id) {
        return db.sql(SELECT + "WHERE l.id = :id").param("id", id).query(ReadingLists::list).optional();
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw Problem.badRequest("invalid-list-name", "A list's name is 1 to " + MAX_NAME + " characters.");
        }
        return clean;
    }

    private static String description(String description) {
        String clean = description == null ? null : description.strip();
        if (clean != null && clean.length() > MAX_DESCRIPTION) {
            throw Problem.badRequest("invalid-list-description", "A list's description is at most " + MAX_DESCRIPTION + " characters.");
        }
        return clean == null || clean.isEmpty() ? null : clean;
    }

    private static Problem notFound(UUID id) {
        return Problem.notFound("list-not-found", "No reading list " + id + " that you may see.");
    }

    private static ReadingList list(ResultSet rs, int row) throws SQLException {
        return new ReadingList(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("name"),
                rs.getString("description"), rs.getBoolean("public"), rs.getInt("books"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
