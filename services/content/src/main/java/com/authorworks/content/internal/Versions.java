package com.authorworks.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;
import com.authorworks.content.SceneId;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * The append-only history of scenes and artifacts: every save is a new numbered version, never
 * an update, so restoring or a conflicting edit can never lose text.
 */
@Component
public class Versions {

    private final JdbcClient db;

    Versions(JdbcClient db) {
        this.db = db;
    }

    /** The origin of the empty first version the outline saves when it plans a scene. */
    public static final String PLANNED = "planned";

    public static String scene(SceneId id) {
        return "scene:" + id.value();
    }

    public static String artifact(ArtifactKind kind) {
        return "artifact:" + kind.wire();
    }

    void append(BookId book, String subject, int number, String body, int words, UserId author, String origin) {
        db.sql("""
                INSERT INTO content.versions (book_id, subject, number, body, word_count, author_id, origin)
                VALUES (:book, :subject, :number, :body, :words, :author, :origin)""")
                .param("book", book.value()).param("subject", subject).param("number", number).param("body", body)
                .param("words", words).param("author", author == null ? null : author.value()).param("origin", origin).update();
    }

    /**
     * Newest first, without bodies' weight mattering to the caller (they are short enough to list). The empty
     * placeholder the outline saves when it adds a scene is left out: it is no one's text, and restoring it
     * would only empty the scene.
     */
    public List<Version> list(BookId book, String subject) {
        return db.sql("""
                SELECT * FROM content.versions WHERE book_id = :book AND subject = :subject
                  AND NOT (origin = 'planned' AND word_count = 0 AND body = '') ORDER BY number DESC""")
                .param("book", book.value()).param("subject", subject).query(Versions::version).list();
    }

    public Version get(BookId book, String subject, int number) {
        return db.sql("SELECT * FROM content.versions WHERE book_id = :book AND subject = :subject AND number = :number")
                .param("book", book.value()).param("subject", subject).param("number", number).query(Versions::version)
                .optional().orElseThrow(() -> Problem.notFound("version-not-found", "There is no version " + number + "."));
    }

    /** Why the latest version was saved ({@code edit}, {@code generated}...), if there is one. */
    public java.util.Optional<String> latestOrigin(BookId book, String subject) {
        return db.sql("SELECT origin FROM content.versions WHERE book_id = :book AND subject = :subject ORDER BY number DESC LIMIT 1")
                .param("book", book.value()).param("subject", subject).query(String.class).optional();
    }

    /** Line-level diff, each body split into lines by {@code lines}. */
    public VersionDiff diff(BookId book, String subject, int from, int to, Function<String, List<String>> lines) {
        List<String> a = lines.apply(get(book, subject, from).body());
        List<String> b = lines.apply(get(book, subject, to).body());
        Patch<String> patch = DiffUtils.diff(a, b);
        List<VersionDiff.Change> changes = patch.getDeltas().stream().map(Versions::change).toList();
        return new VersionDiff(from, to, changes);
    }

    private static VersionDiff.Change change(AbstractDelta<String> delta) {
        return new VersionDiff.Change(delta.getType().name().toLowerCase(), delta.getSource().getPosition(),
                delta.getSource().getLines(), delta.getTarget().getPosition(), delta.getTarget().getLines());
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        UUID author = rs.getObject("author_id", UUID.class);
        return new Version(rs.getInt("number"), rs.getString("body"), rs.getInt("word_count"),
                author == null ? null : new UserId(author), rs.getString("origin"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
