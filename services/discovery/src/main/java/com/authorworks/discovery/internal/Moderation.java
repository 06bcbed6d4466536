package com.authorworks.discovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * Readers' reports of comments and reviews, and the admins' queue of them. A report copies what it is
 * about, so the queue shows what was reported even after an edit or a deletion. Resolving a report
 * settles every open report of the same thing, and may hide it; dismissing settles only that one.
 */
@Component
class Moderation {

    static final int MAX_NOTE = 2_000;

    enum Reason {
        SPAM, HARASSMENT, HATE, SEXUAL, VIOLENCE, SPOILER, OFF_TOPIC, OTHER;

        String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Reason parse(String wire) {
            return Arrays.stream(values()).filter(reason -> reason.wire().equals(wire)).findFirst()
                    .orElseThrow(() -> new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-reason",
                            "reason is one of " + WIRE_REASONS + ".", java.util.Map.of("allowed", WIRE_REASONS)));
        }
    }

    static final List<String> WIRE_REASONS = Arrays.stream(Reason.values()).map(Reason::wire).toList();

    enum Status {
        OPEN, RESOLVED, DISMISSED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A report as the queue shows it; {@code commentId} for a comment, {@code readerId} (whose review) for a review. */
    record Report(UUID id, String kind, UUID bookId, UUID commentId, UUID readerId, UUID offenderId, String reportedText, String reason,
                  String note, String status, UUID reporterId, Instant createdAt, Instant decidedAt, UUID decidedBy, boolean hid) {
    }

    /** A filed report, and whether it is new (a reader's second report of the same thing while it is open is the first). */
    record Filed(Report report, boolean created) {
    }

    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Comments comments;
    private final Readers readers;

    Moderation(JdbcClient db, TransactionTemplate transaction, Comments comments, Readers readers) {
        this.db = db;
        this.transaction = transaction;
        this.comments = comments;
        this.readers = readers;
    }

    /** Reports a comment the reporter can see (not their own). */
    Filed reportComment(UUID commentId, String reason, String note, CurrentUser reporter) {
        Comments.Found found = comments.require(commentId, Optional.of(reporter));
        Comments.Comment comment = found.comment();
        if (comment.deleted()) {
            throw Comments.notFound();
        }
        if (reporter.id().value().equals(comment.authorId())) {
            throw Problem.forbidden("own-content", "You cannot report your own comment.");
        }
        return file("COMMENT", found.book().id(), comment.id(), null, comment.authorId(), comment.body(), reason, note, reporter);
    }

    /** Reports a review of a book the reporter may read (not their own). */
    Filed reportReview(UUID bookId, UUID readerId, String reason, String note, CurrentUser reporter) {
        CatalogueBook book = readers.readable(bookId, reporter);
        Readers.Rating rating = readers.review(book.id(), readerId)
                .orElseThrow(() -> Problem.notFound("review-not-found", "This reader has no review of the book that you may see."));
        if (reporter.id().value().equals(readerId)) {
            throw Problem.forbidden("own-content", "You cannot report your own review.");
        }
        return file("REVIEW", book.id(), null, readerId, readerId, rating.given().review(), reason, note, reporter);
    }

    private Filed file(String kind, UUID book, UUID comment, UUID reader, UUID offender, String text, String reason, String note,
                       CurrentUser reporter) {
        Reason why = Reason.parse(reason == null ? null : reason.strip().toLowerCase(Locale.ROOT));
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (kept != null && kept.length() > MAX_NOTE) {
            throw Problem.badRequest("note-too-long", "A note is at most " + MAX_NOTE + " characters.");
        }
        UUID id = UUID.randomUUID();
        return transaction.execute(tx -> {
            int added = db.sql("""
                    INSERT INTO discovery.reports (id, reporter_id, kind, book_id, comment_id, reader_id, offender_id, reported_text, reason, note)
                    VALUES (:id, :reporter, :kind, :book, :comment, :reader, :offender, :text, :reason, :note)
                    ON CONFLICT (reporter_id, kind, book_id, coalesce(comment_id, reader_id)) WHERE status = 'OPEN' DO NOTHING""")
                    .param("id", id).param("reporter", reporter.id().value()).param("kind", kind).param("book", book).param("comment", comment)
                    .param("reader", reader).param("offender", offender).param("text", text).param("reason", why.name()).param("note", kept)
                    .update();
            if (added == 1) {
                return new Filed(find(id).orElseThrow(), true);
            }
            UUID open = db.sql("""
                    SELECT id FROM discovery.reports WHERE reporter_id = :reporter AND kind = :kind AND book_id = :book
                      AND coalesce(comment_id, reader_id) = :subject AND status = 'OPEN'""")
                    .param("reporter", reporter.id().value()).param("kind", kind).param("book", book)
                    .param("subject", comment != null ? comment : reader).query(UUID.class).single();
            return new Filed(find(open).orElseThrow(), false);
        });
    }

    /** The queue: reports of one status, oldest first (admins only). */
    Page<Report> queue(String status, PageRequest page, CurrentUser caller) {
        requireAdmin(caller);
        Status wanted = Arrays.stream(Status.values()).filter(s -> s.wire().equals(status == null || status.isBlank() ? "open" : status.strip()))
                .findFirst().orElseThrow(() -> new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-status",
                        "status is one of open, resolved, dismissed.", java.util.Map.of("allowed", List.of("open", "resolved", "dismissed"))));
        List<Report> items = db.sql("SELECT * FROM discovery.reports WHERE status = :status ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("status", wanted.name()).param("limit", page.size()).param("offset", page.offset()).query(Moderation::report).list();
        long total = db.sql("SELECT count(*) FROM discovery.reports WHERE status = :status").param("status", wanted.name())
                .query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** Settles the report and every other open one of the same thing; with {@code hide}, hides what they are about. */
    Report resolve(UUID reportId, boolean hide, CurrentUser caller) {
        requireAdmin(caller);
        return transaction.execute(tx -> {
            Report report = open(reportId);
            db.sql("""
                    UPDATE discovery.reports SET status = 'RESOLVED', decided_at = now(), decided_by = :by, hid = :hide
                    WHERE status = 'OPEN' AND kind = :kind AND book_id = :book AND coalesce(comment_id, reader_id) = :subject""")
                    .param("by", caller.id().value()).param("hide", hide).param("kind", report.kind().toUpperCase(Locale.ROOT)).param("book", report.bookId())
                    .param("subject", report.commentId() != null ? report.commentId() : report.readerId()).update();
            if (hide) {
                if (report.commentId() != null) {
                    comments.setHidden(report.commentId(), true, caller.id());
                } else {
                    readers.setReviewHidden(report.bookId(), report.readerId(), true, caller.id());
                }
            }
            return find(reportId).orElseThrow();
        });
    }

    Report dismiss(UUID reportId, CurrentUser caller) {
        requireAdmin(caller);
        return transaction.execute(tx -> {
            open(reportId);
            db.sql("UPDATE discovery.reports SET status = 'DISMISSED', decided_at = now(), decided_by = :by WHERE id = :id")
                    .param("by", caller.id().value()).param("id", reportId).update();
            return find(reportId).orElseThrow();
        });
    }

    /** The report, locked until the transaction ends; 409 when it was settled already. */
    private Report open(UUID reportId) {
        Report report = db.sql("SELECT * FROM discovery.reports WHERE id = :id FOR UPDATE").param("id", reportId).query(Moderation::report)
                .optional().orElseThrow(() -> Problem.notFound("report-not-found", "No such report."));
        if (!report.status().equals(Status.OPEN.wire())) {
            throw Problem.conflict("report-settled", "This report was " + report.status() + " already.");
        }
        return report;
    }

    private Optional<Report> find(UUID id) {
        return db.sql("SELECT * FROM discovery.reports WHERE id = :id").param("id", id).query(Moderation::report).optional();
    }

    static void requireAdmin(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw Problem.forbidden("admin-only", "Only an admin can see and settle reports.");
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getObject("id", UUID.class), rs.getString("kind").toLowerCase(Locale.ROOT), rs.getObject("book_id", UUID.class),
                rs.getObject("comment_id", UUID.class), rs.getObject("reader_id", UUID.class), rs.getObject("offender_id", UUID.class),
                rs.getString("reported_text"), Reason.valueOf(rs.getString("reason")).wire(), rs.getString("note"),
                rs.getString("status").toLowerCase(Locale.ROOT), rs.getObject("reporter_id", UUID.class), instant(rs, "created_at"),
                instant(rs, "decided_at"), rs.getObject("decided_by", UUID.class), rs.getBoolean("hid"));
    }
}
