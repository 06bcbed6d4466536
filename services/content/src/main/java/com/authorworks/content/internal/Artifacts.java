package com.authorworks.content.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;

/**
 * A book's plan artifacts: one JSON document per kind, versioned like scenes. The generator writes
 * them as its plan steps finish; the author may edit them.
 */
@Component
public class Artifacts {

    private final JdbcClient db;
    private final Versions versions;

    Artifacts(JdbcClient db, Versions versions) {
        this.db = db;
        this.versions = versions;
    }

    /** The document (JSON text) and its version. */
    public record Artifact(ArtifactKind kind, String document, int version) {
    }

    public Optional<Artifact> find(BookId book, ArtifactKind kind) {
        return db.sql("SELECT document::text AS document, version FROM content.artifacts WHERE book_id = :book AND kind = :kind")
                .param("book", book.value()).param("kind", kind.wire())
                .query((rs, row) -> new Artifact(kind, rs.getString("document"), rs.getInt("version"))).optional();
    }

    public Map<ArtifactKind, Integer> versions(BookId book) {
        Map<ArtifactKind, Integer> result = new java.util.EnumMap<>(ArtifactKind.class);
        db.sql("SELECT kind, version FROM content.artifacts WHERE book_id = :book").param("book", book.value())
                .query((rs, row) -> result.put(ArtifactKind.parse(rs.getString("kind")), rs.getInt("version"))).list();
        return result;
    }

    /**
     * Saves the document as the next version; with a {@code baseVersion} only if nobody saved since
     * (409 {@code edit-conflict} otherwise).
     */
    @Transactional
    public Artifact save(BookId book, ArtifactKind kind, String json, Integer baseVersion, UserId author, String origin) {
        Optional<Integer> saved = db.sql("""
                INSERT INTO content.artifacts (book_id, kind, document, version) VALUES (:book, :kind, CAST(:doc AS jsonb), 1)
                ON CONFLICT (book_id, kind) DO UPDATE SET document = excluded.document, version = artifacts.version + 1,
                  updated_at = now()
                WHERE CAST(:base AS integer) IS NULL OR artifacts.version = :base
                RETURNING version""")
                .param("book", book.value()).param("kind", kind.wire()).param("doc", json).param("base", baseVersion)
                .query(Integer.class).optional();
        if (saved.isEmpty() || (baseVersion != null && saved.get() != baseVersion + 1)) {
            int current = find(book, kind).map(Artifact::version).orElse(0);
            throw Books.editConflict(baseVersion, current);
        }
        Artifact artifact = find(book, kind).orElseThrow();
        versions.append(book, Versions.artifact(kind), saved.get(), artifact.document(), 0, author, origin);
        return artifact;
    }
}
