package com.authorworks.content.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;
import com.authorworks.platform.jobs.Lease;
import com.authorworks.platform.jobs.LeasedQueue;
import com.authorworks.publishing.Format;
import com.authorworks.storage.FileId;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code exports} table: a durable queue any process running the content service works on, on
 * the platform's {@link LeasedQueue} (status column {@code state}, retries in
 * {@code WAITING_FOR_STORAGE}, no platform-wide limit: each process makes two at a time).
 */
@Component
class Exports {

    private final JdbcClient db;
    private final LeasedQueue<ExportId> queue;

    Exports(JdbcClient db, TransactionTemplate transactions, MeterRegistry meters) {
        this.db = db;
        this.queue = new LeasedQueue<>(db, transactions, LeasedQueue.Definition.of("content.exports", ExportId::new)
                .withStatusColumn("state").withRetryStatus(Export.State.WAITING_FOR_STORAGE.name()));
        queue.bindTo(meters);   // its gauges: jobs waiting and running
    }

    Export create(BookId book, UserId owner, Format format, String trimSize, String author) {
        ExportId id = new ExportId(UUID.randomUUID());
        db.sql("""
                INSERT INTO content.exports (id, book_id, user_id, format, trim_size, author, state)
                VALUES (:id, :book, :user, :format, :trim, :author, 'QUEUED')""")
                .param("id", id.value()).param("book", book.value()).param("user", owner.value()).param("format", format.name())
                .param("trim", trimSize).param("author", author).update();
        return find(id).orElseThrow();
    }

    Optional<Export> find(ExportId id) {
        return db.sql("SELECT * FROM content.exports WHERE id = :id").param("id", id.value()).query(Exports::export).optional();
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

    LeasedQueue<ExportId> queue() {
        return queue;
    }

    /** A running export and the lease that owns it; finishing needs the lease. */
    record Claim(Export export, Lease<ExportId> lease) {
    }

    /**
     * Claims the oldest due export: queued, waiting for storage and due again, or running under a lease
     * that expired (its worker died or stalled). The lease keeps other workers off it while its owner
     * renews it ({@link #renew}); every later change must come with the claim.
     */
    Optional<Claim> claim(Duration lease) {
        return queue.claim(lease).flatMap(claimed -> find(claimed.id()).map(export -> new Claim(export, claimed)));
    }

    /** The owner's heartbeat: extends its lease; false when the export is no longer its own. */
    boolean renew(Claim claim, Duration lease) {
        return queue.renew(claim.lease(), lease);
    }

    /** False, and nothing changed, when the claim lost the export to another worker. */
    boolean done(Claim claim, FileId file, Instant bookUpdatedAt) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("file_id", file.value());
        columns.put("book_updated_at", Timestamp.from(bookUpdatedAt));
        columns.put("error_message", null);
        return queue.finish(claim.lease(), Export.State.DONE.name(), columns);
    }

    /**
     * Earlier finished exports of the same book, format and trim size that a new one replaces: their
     * rows go, and their files are returned for the caller to delete.
     */
    List<FileId> supersede(ExportId id) {
        return db.sql("""
                DELETE FROM content.exports old USING content.exports latest
                WHERE latest.id = :id AND old.id <> latest.id AND old.book_id = latest.book_id
                  AND old.format = latest.format AND old.trim_size IS NOT DISTINCT FROM latest.trim_size
                  AND old.state = 'DONE' AND old.file_id IS NOT NULL
                RETURNING old.file_id""")
                .param("id", id.value()).query(UUID.class).list().stream().map(FileId::new).toList();
    }

    boolean failed(Claim claim, String error) {
        return queue.finish(claim.lease(), Export.State.FAILED.name(), Map.of("error_message", error));
    }

    boolean waitForStorage(Claim claim, Duration retryIn, String error) {
        return queue.retry(claim.lease(), retryIn, Map.of("error_message", error));
    }

    /** An export this process was running when it stopped goes back to the queue, if it still owns it. */
    void requeue(Claim claim) {
        queue.release(claim.lease());
    }

    private static Export export(ResultSet rs, int row) throws SQLException {
        UUID file = rs.getObject("file_id", UUID.class);
        return new Export(new ExportId(rs.getObject("id", UUID.class)), new BookId(rs.getObject("book_id", UUID.class)),
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
