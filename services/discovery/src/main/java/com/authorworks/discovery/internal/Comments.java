package com.authorworks.discovery.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.discovery.CommentId;
import com.authorworks.discovery.CommentPosted;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * Readers' comments on the chapters of published books, with replies. Plain text, at most
 * {@link #MAX_BODY} characters. Who sees what is decided here once: a comment hidden by the book's author
 * or an admin is shown only to them and to its author, and its replies go with it; a comment deleted while
 * it has replies stays as a tombstone (no text, no author) so the thread still reads.
 */
@Component
class Comments {

    static final int MAX_BODY = 5_000;
    static final int EXCERPT = 200;
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** An {@code @username} as identity allows them (3 to 32 letters, digits, '_' or '-'), not inside a word or an address. */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_@.-])@([A-Za-z0-9_-]{3,32})(?![A-Za-z0-9_-])");

    private final JdbcClient db;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Readers readers;
    private final BookChapters chapters;
    private final Blocking blocks;
    private final PostingLimits limits;

    Comments(JdbcClient db, ApplicationEventPublisher events, TransactionTemplate transaction, Readers readers, BookChapters chapters,
             Blocking blocks, PostingLimits limits) {
        this.limits = limits;
        this.db = db;
        this.events = events;
        this.transaction = transaction;
        this.readers = readers;
        this.chapters = chapters;
        this.blocks = blocks;
    }

    /** A comment as stored. {@code body} and {@code author} are null for a tombstone. */
    record Comment(UUID id, UUID bookId, UUID chapterId, UUID parentId, UUID authorId, String body, Instant createdAt, Instant editedAt,
                   Instant deletedAt, Instant hiddenAt, long replies) {

        boolean deleted() {
            return deletedAt != null;
        }

        boolean hidden() {
            return hiddenAt != null;
        }
    }

    record CommentPage(List<Comment> items, String nextCursor) {
    }

    /** The comment's book as the caller may read it, and the comment; a 404 that does not say which was missing. */
    record Found(CatalogueBook book, Comment comment) {
    }

    /** The chapter's comments (or one comment's replies), oldest first, as the caller may see them. */
    CommentPage list(UUID bookId, UUID chapterId, UUID parentId, String cursor, Integer size, Optional<CurrentUser> caller) {
        CatalogueBook book = readers.readable(bookId, caller);
        chapters.require(book, chapterId);
        int limit = size(size);
        if (parentId != null) {
            Comment parent = find(parentId).filter(c -> c.bookId().equals(book.id()) && c.chapterId().equals(chapterId))
                    .filter(c -> visible(c, book, caller)).orElseThrow(Comments::notFound);
            parentId = parent.id();
        }
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor);
        boolean privileged = caller.filter(user -> user.isAdmin() || user.id().value().equals(book.authorId())).isPresent();
        UUID viewer = caller.map(user -> user.id().value()).orElse(null);
        List<Comment> found = db.sql("""
                SELECT c.*, (SELECT count(*) FROM discovery.comments r WHERE r.parent_id = c.id AND (r.hidden_at IS NULL OR :privileged)) AS replies
                FROM discovery.comments c
                WHERE c.book_id = :book AND c.chapter_id = :chapter
                  AND (CASE WHEN :parent::uuid IS NULL THEN c.parent_id IS NULL ELSE c.parent_id = :parent::uuid END)
                  AND (c.hidden_at IS NULL OR :privileged OR c.author_id = :viewer::uuid)
                  AND (:after::timestamptz IS NULL OR (c.created_at, c.id) > (:after::timestamptz, :afterId::uuid))
                ORDER BY c.created_at, c.id LIMIT :limit""")
                .param("privileged", privileged).param("book", book.id()).param("chapter", chapterId).param("parent", parentId)
                .param("viewer", viewer).param("after", after == null ? null : OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC))
                .param("afterId", after == null ? null : after.id()).param("limit", limit + 1)
                .query(Comments::comment).list();
        List<Comment> page = found.stream().limit(limit).toList();
        String next = found.size() > limit ? new Position(page.getLast().createdAt(), page.getLast().id()).encode() : null;
        // a page may come out shorter than asked for: the cursor is where the rows ended, not the shown ones
        Set<UUID> blocked = blocks.among(caller, page.stream().map(Comment::authorId).toList());
        return new CommentPage(page.stream().filter(c -> !blocked.contains(c.authorId())).map(c -> c.deleted() ? tombstone(c) : c).toList(), next);
    }

    /** Posts a comment on the chapter, or a reply to one of its comments; {@link CommentPosted} with it. Counted by {@link PostingLimits}. */
    Comment post(UUID bookId, UUID chapterId, UUID parentId, String text, CurrentUser author) {
        CatalogueBook book = readers.readable(bookId, author);
        chapters.require(book, chapterId);
        String body = body(text);
        Comment parent = null;
        if (parentId != null) {
            parent = find(parentId).filter(c -> c.bookId().equals(book.id()) && c.chapterId().equals(chapterId))
                    .filter(c -> visible(c, book, Optional.of(author))).orElseThrow(Comments::notFound);
            if (parent.deleted()) {
                throw Problem.conflict("comment-deleted", "That comment was deleted: reply to another.");
            }
            blocks.requireNone(author, parent.authorId());
        }
        UUID id = UUID.randomUUID();
        Comment answered = parent;
        List<String> mentions = mentions(body);
        return transaction.execute(tx -> {
            limits.take(author.id(), PostingLimits.Kind.COMMENT);
            db.sql("""
                    INSERT INTO discovery.comments (id, book_id, chapter_id, parent_id, author_id, body)
                    VALUES (:id, :book, :chapter, :parent, :author, :body)""")
                    .param("id", id).param("book", book.id()).param("chapter", chapterId).param("parent", answered == null ? null : answered.id())
                    .param("author", author.id().value()).param("body", body).update();
            events.publishEvent(new CommentPosted(new CommentId(id), new BookId(book.id()), new ChapterId(chapterId), author.id(),
                    new UserId(book.authorId()), book.title(), answered == null ? null : new CommentId(answered.id()),
                    answered == null ? null : new UserId(answered.authorId()), mentions, excerpt(body)));
            return find(id).orElseThrow();
        });
    }

    /** The comment, on a published book the caller may read, if the caller may see it; else a 404. */
    Found require(UUID commentId, Optional<CurrentUser> caller) {
        Comment comment = find(commentId).orElseThrow(Comments::notFound);
        CatalogueBook book;
        try {
            book = readers.readable(comment.bookId(), caller);
        } catch (Problem notReadable) {
            throw notFound();
        }
        if (!visible(comment, book, caller)) {
            throw notFound();
        }
        return new Found(book, comment.deleted() ? tombstone(comment) : comment);
    }

    /** New text for a comment of the caller's; no event (those mentioned in an edit are not told again). */
    Comment edit(UUID commentId, String text, CurrentUser caller) {
        Found found = require(commentId, Optional.of(caller));
        requireAuthor(found.comment(), caller);
        String body = body(text);
        db.sql("UPDATE discovery.comments SET body = :body, edited_at = now() WHERE id = :id AND deleted_at IS NULL")
                .param("body", body).param("id", commentId).update();
        return find(commentId).orElseThrow();
    }

    /**
     * Deletes a comment of the caller's: gone when nobody answered it, else a tombstone. A tombstone whose
     * last reply goes is removed with it.
     */
    void delete(UUID commentId, CurrentUser caller) {
        Found found = require(commentId, Optional.of(caller));
        requireAuthor(found.comment(), caller);
        transaction.executeWithoutResult(tx -> {
            UUID current = commentId;
            boolean tombstone = db.sql("""
                    UPDATE discovery.comments SET body = NULL, deleted_at = now(), edited_at = NULL
                    WHERE id = :id AND EXISTS (SELECT 1 FROM discovery.comments r WHERE r.parent_id = :id)""")
                    .param("id", current).update() == 1;
            while (!tombstone && current != null) {
                UUID parent = db.sql("DELETE FROM discovery.comments WHERE id = :id RETURNING parent_id").param("id", current)
                        .query(UUID.class).optional().orElse(null);
                // the parent goes too if it is a tombstone that has no reply left
                current = parent == null ? null : db.sql("""
                        SELECT id FROM discovery.comments c WHERE id = :id AND deleted_at IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM discovery.comments r WHERE r.parent_id = c.id)""")
                        .param("id", parent).query(UUID.class).optional().orElse(null);
            }
        });
    }

    /** Hides (or shows again) a comment: the book's author or an admin. */
    Comment hide(UUID commentId, boolean hidden, CurrentUser caller) {
        Found found = require(commentId, Optional.of(caller));
        requireModerator(found.book(), caller);
        setHidden(commentId, hidden, caller.id());
        return find(commentId).orElseThrow();
    }

    void setHidden(UUID commentId, boolean hidden, UserId by) {
        db.sql(hidden
                        ? "UPDATE discovery.comments SET hidden_at = coalesce(hidden_at, now()), hidden_by = coalesce(hidden_by, :by) WHERE id = :id"
                        : "UPDATE discovery.comments SET hidden_at = NULL, hidden_by = NULL WHERE id = :id")
                .param("by", by.value()).param("id", commentId).update();
    }

    Optional<Comment> find(UUID id) {
        return db.sql("""
                SELECT c.*, (SELECT count(*) FROM discovery.comments r WHERE r.parent_id = c.id) AS replies
                FROM discovery.comments c WHERE c.id = :id""").param("id", id).query(Comments::comment).optional();
    }

    /** Whether the caller may moderate the book's comments and reviews: its author and admins. */
    static boolean moderates(CatalogueBook book, CurrentUser caller) {
        return caller.isAdmin() || caller.id().value().equals(book.authorId());
    }

    static void requireModerator(CatalogueBook book, CurrentUser caller) {
        if (!moderates(book, caller)) {
            throw Problem.forbidden("not-moderator", "Only the book's author or an admin can hide or show comments and reviews of it.");
        }
    }

    private boolean visible(Comment comment, CatalogueBook book, Optional<CurrentUser> caller) {
        if (blocks.between(caller, comment.authorId())) {
            return false;
        }
        return !comment.hidden() || caller.filter(user -> moderates(book, user) || user.id().value().equals(comment.authorId())).isPresent();
    }

    private static void requireAuthor(Comment comment, CurrentUser caller) {
        if (comment.deleted()) {
            throw notFound();
        }
        if (!caller.id().value().equals(comment.authorId())) {
            throw Problem.forbidden("not-your-comment", "Only the comment's author can change or delete it.");
        }
    }

    static String body(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw Problem.badRequest("comment-empty", "A comment needs some text.");
        }
        if (body.length() > MAX_BODY) {
            throw Problem.badRequest("comment-too-long", "A comment is at most " + MAX_BODY + " characters.");
        }
        return body;
    }

    /** The usernames the text mentions, once each, in order, at most {@link CommentPosted#MAX_MENTIONS}. */
    static List<String> mentions(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher mention = MENTION.matcher(body);
        while (mention.find() && names.size() < CommentPosted.MAX_MENTIONS) {
            names.add(mention.group(1));
        }
        return new ArrayList<>(names);
    }

    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1).strip() + "…";
    }

    private static int size(Integer size) {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Problem.badRequest("invalid-page-size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        return size;
    }

    static Problem notFound() {
        return Problem.notFound("comment-not-found", "No such comment that you may see.");
    }

    private static Comment tombstone(Comment c) {
        return new Comment(c.id(), c.bookId(), c.chapterId(), c.parentId(), null, null, c.createdAt(), null, c.deletedAt(), c.hiddenAt(),
                c.replies());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        return new Comment(rs.getObject("id", UUID.class), rs.getObject("book_id", UUID.class), rs.getObject("chapter_id", UUID.class),
                rs.getObject("parent_id", UUID.class), rs.getObject("author_id", UUID.class), rs.getString("body"), instant(rs, "created_at"),
                instant(rs, "edited_at"), instant(rs, "deleted_at"), instant(rs, "hidden_at"), rs.getLong("replies"));
    }

    /** Where a page of comments ended: the last one's time and id (opaque to clients, base64url). */
    record Position(Instant createdAt, UUID id) {

        /** Later than any comment (and within PostgreSQL's range): a cursor beyond it was not made here. */
        private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

        String encode() {
            String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", -1);
                String[] time = parts[0].split("\\.", -1);
                if (parts.length != 2 || time.length != 2) {
                    throw new IllegalArgumentException("not a position");
                }
                Instant at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
                if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST)) {
                    throw new IllegalArgumentException("not a time a comment was posted");
                }
                return new Position(at, UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
                throw Problem.badRequest("invalid-cursor", "This cursor is not one a page of comments returned.");
            }
        }
    }
}
