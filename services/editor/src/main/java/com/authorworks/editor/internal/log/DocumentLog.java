package com.authorworks.editor.internal.log;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.content.SceneId;
import com.authorworks.platform.UserId;

/** The append-only log of a shared document's yjs updates and its compacted snapshot, in PostgreSQL. */
@Component
public class DocumentLog {

    private final JdbcClient db;

    DocumentLog(JdbcClient db) {
        this.db = db;
    }

    /** A document as stored: its snapshot (if compacted yet) and the updates after it, in order. */
    public record Stored(Optional<byte[]> snapshot, long throughSeq, List<byte[]> updates, long lastSeq) {
    }

    @Transactional(readOnly = true)
    public Stored load(SceneId document) {
        record Snapshot(byte[] state, long through) {
        }
        Optional<Snapshot> snapshot = db.sql("SELECT state, through_seq FROM editor.document_snapshots WHERE document_id = :id")
                .param("id", document.value())
                .query((rs, row) -> new Snapshot(rs.getBytes(1), rs.getLong(2))).optional();
        long through = snapshot.map(Snapshot::through).orElse(0L);
        record Row(long seq, byte[] payload) {
        }
        List<Row> rows = db.sql("SELECT seq, payload FROM editor.document_updates WHERE document_id = :id AND seq > :through ORDER BY seq")
                .param("id", document.value()).param("through", through)
                .query((rs, row) -> new Row(rs.getLong(1), rs.getBytes(2))).list();
        long last = rows.isEmpty() ? through : rows.getLast().seq();
        return new Stored(snapshot.map(Snapshot::state), through, rows.stream().map(Row::payload).toList(), last);
    }

    /** Appends one update (committed when this returns) and gives its sequence number. */
    public long append(SceneId document, byte[] update, UserId author) {
        return db.sql("INSERT INTO editor.document_updates (document_id, payload, author_id) VALUES (:id, :payload, :author) RETURNING seq")
                .param("id", document.value()).param("payload", update).param("author", author.value())
                .query(Long.class).single();
    }

    /**
     * Replaces the snapshot with {@code state}, which holds everything up to {@code throughSeq}, and
     * deletes the updates it holds; updates appended meanwhile (higher seq) stay in the log.
     */
    @Transactional
    public void compact(SceneId document, byte[] state, long throughSeq) {
        db.sql("""
                INSERT INTO editor.document_snapshots (document_id, state, through_seq, compacted_at) VALUES (:id, :state, :through, now())
                ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, compacted_at = now()
                WHERE document_snapshots.through_seq < excluded.through_seq""")
                .param("id", document.value()).param("state", state).param("through", throughSeq).update();
        db.sql("DELETE FROM editor.document_updates WHERE document_id = :id AND seq <= :through")
                .param("id", document.value()).param("through", throughSeq).update();
    }

    /** How many updates wait in the log after the snapshot. */
    public long pending(SceneId document) {
        return db.sql("""
                SELECT count(*) FROM editor.document_updates u WHERE u.document_id = :id
                AND u.seq > coalesce((SELECT through_seq FROM editor.document_snapshots WHERE document_id = :id), 0)""")
                .param("id", document.value()).query(Long.class).single();
    }

    /** The version of the scene in content the document was last in step with; empty before it is seeded. */
    public Optional<Integer> contentVersion(SceneId document) {
        return db.sql("SELECT content_version FROM editor.documents WHERE document_id = :id").param("id", document.value())
                .query(Integer.class).optional();
    }

    public void contentVersion(SceneId document, int version) {
        db.sql("""
                INSERT INTO editor.documents (document_id, content_version) VALUES (:id, :version)
                ON CONFLICT (document_id) DO UPDATE SET content_version = greatest(documents.content_version, excluded.content_version), updated_at = now()""")
                .param("id", document.value()).param("version", version).update();
    }

    /** The ticket key, made on first use ({@code ticket_keys} has one row). */
    public byte[] ticketKey(byte[] candidate) {
        db.sql("INSERT INTO editor.ticket_keys (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                .param("secret", candidate).update();
        return db.sql("SELECT secret FROM editor.ticket_keys WHERE id = 1").query(byte[].class).single();
    }
}
