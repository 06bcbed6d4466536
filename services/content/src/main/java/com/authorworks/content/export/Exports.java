package com.authorworks.content.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;
import com.authorworks.publishing.Format;
import com.authorworks.storage.FileId;

/** The {@code exports} table: a durable queue any process running the content service works on. */
@Component
class Exports {

    private final JdbcClient db;

    Exports(JdbcClient db) {
        this.db = db;
    }

    Export create(BookId book, UserId owner, Format format, String trimSize, String author) {
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO content.exports (id, book_id, user_id, format, trim_size, author, state)
                VALUES (:id, :book, :user, :format, :trim, :author, 'QUEUED')""")
                .param("id", id).param("book", book.value()).param("user", owner.value()).param("format", format.name())
                .param("trim", trimSize).param("author", author).update();
        return find(id).orElseThrow();
    }

    Optional<Export> find(UUID id) {
        return db.sql("SELECT * FROM content.exports WHERE id = :id").param("id", id).query(Exports::export).optional();
    }

    List<Export> list(BookId book) {
        return db.sql("SELECT * FROM content.exports WHERE book_id = :book ORDER BY created_at DESC, id")
                .param("book", book.value()).query(Exports::export).list();
    }

    /** The user's newest export of the format with default options that is finished or still on its way. */
    Optional<Export> latest(BookId book, UserId user, Format format) {
        return db.sql("""
                SELECT * FROM content.exports WHERE book_id = :book AND user_id = :user AND format = :format
                  AND trim_size IS NULL AND author IS NULL AND state <> 'FAILED' ORDER BY created_at DESC, id LIMIT 1""")
                .param("book", book.value()).param("user", user.value()).param("format", format.name())
                .query(Exports::export).optional();
    }

    /** A running export and the claim that owns it; finishing needs the claim. */
    record Claim(Export export, UUID owner) {
    }

    /**
     * Claims the oldest due export: queued, waiting for storage and due again, or running under a lease
     * that expired (its worker died or stalled). The lease keeps other workers off it while its owner
     * renews it ({@link #renew}); the claim's token is the owner every later change must name.
     */
    Optional<Claim> claim(Duration lease) {
        UUID owner = UUID.randomUUID();
        return db.sql("""
                UPDATE content.exports SET state = 'RUNNING', attempts = attempts + 1, lease_owner = :owner,
                  lease_expires_at = now() + CAST(:lease AS interval)
                WHERE id = (SELECT id FROM content.exports
                            WHERE (state IN ('QUEUED', 'WAITING_FOR_STORAGE') AND next_attempt_at <= now())
                               OR (state = 'RUNNING' AND lease_expires_at < now())
                            ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .param("lease", lease.toMillis() + " milliseconds").param("owner", owner)
                .query(Exports::export).optional().map(export -> new Claim(export, owner));
    }

    /** The owner's heartbeat: extends its lease; false when the export is no longer its own. */
    boolean renew(Claim claim, Duration lease) {
        return db.sql("""
                UPDATE content.exports SET lease_expires_at = now() + CAST(:lease AS interval)
                WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner""")
                .param("id", claim.export().id()).param("owner", claim.owner())
                .param("lease", lease.toMillis() + " milliseconds").update() == 1;
    }

    /** False, and nothing changed, when the claim lost the export to another worker. */
    boolean done(Claim claim, FileId file, Instant bookUpdatedAt) {
        return db.sql("""
                UPDATE content.exports SET state = 'DONE', file_id = :file, book_updated_at = :updated, error_message = NULL,
                  lease_expires_at = NULL, lease_owner = NULL, completed_at = now()
                WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner""")
                .param("id", claim.export().id()).param("owner", claim.owner()).param("file", file.value())
                .param("updated", Timestamp.from(bookUpdatedAt)).update() == 1;
    }

    /**
     * Earlier finished exports of the same book, format and trim size that a new one replaces: their
     * rows go, and their files are returned for the caller to delete.
     */
    List<FileId> supersede(UUID id) {
        return db.sql("""
                DELETE FROM content.exports old USING content.exports latest
                WHERE latest.id = :id AND old.id <> latest.id AND old.book_id = latest.book_id
                  AND old.format = latest.format AND old.trim_size IS NOT DISTINCT FROM latest.trim_size
                  AND old.state = 'DONE' AND old.file_id IS NOT NULL
                RETURNING old.file_id""")
                .param("id", id).query(UUID.class).list().stream().map(FileId::new).toList();
    }

    boolean failed(Claim claim, String error) {
        return db.sql("""
                UPDATE content.exports SET state = 'FAILED', error_message = :error, lease_expires_at = NULL,
                  lease_owner = NULL, completed_at = now()
                WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner""")
                .param("id", claim.export().id()).param("owner", claim.owner()).param("error", error).update() == 1;
    }

    boolean waitForStorage(Claim claim, Duration retryIn, String error) {
        return db.sql("""
                UPDATE content.exports SET state = 'WAITING_FOR_STORAGE', error_message = :error, lease_expires_at = NULL,
                  lease_owner = NULL, next_attempt_at = now() + CAST(:retry AS interval)
                WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner""")
                .param("id", claim.export().id()).param("owner", claim.owner()).param("error", error)
                .param("retry", retryIn.toMillis() + " milliseconds").update() == 1;
    }

    /** An export this process was running when it stopped goes back to the queue, if it still owns it. */
    void requeue(Claim claim) {
        db.sql("""
                UPDATE content.exports SET state = 'QUEUED', lease_expires_at = NULL, lease_owner = NULL
                WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner""")
                .param("id", claim.export().id()).param("owner", claim.owner()).update();
    }

    private static Export export(ResultSet rs, int row) throws SQLException {
        UUID file = rs.getObject("file_id", UUID.class);
        return new Export(rs.getObject("id", UUID.class), new BookId(rs.getObject("book_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)), Format.valueOf(rs.getString("format")),
                rs.getString("trim_size"), rs.getString("author"), Export.State.valueOf(rs.getString("state")),
                file == null ? null : new FileId(file), rs.getString("error_message"), rs.getInt("attempts"),
                instant(rs, "book_updated_at"), instant(rs, "created_at"), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
