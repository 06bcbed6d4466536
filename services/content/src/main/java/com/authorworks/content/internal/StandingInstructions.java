package com.authorworks.content.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.story.Instructions;
import com.authorworks.platform.Problem;

/**
 * A book's standing instructions to the models ("always British spelling"), kept where the engine reads them: the
 * checkpoint {@link StepKeys#INSTRUCTIONS}, so every later drafting prompt and every assist call carries them.
 * Callers check access first.
 */
@Component
public class StandingInstructions {

    private final JdbcClient db;

    StandingInstructions(JdbcClient db) {
        this.db = db;
    }

    /** The book's instructions, empty when it has none. */
    public String of(BookId book) {
        return db.sql("SELECT document FROM content.checkpoints WHERE book_id = :book AND key = :key")
                .param("book", book.value()).param("key", StepKeys.INSTRUCTIONS).query(String.class).optional().orElse("");
    }

    /** Replaces the book's instructions; blank ones are removed. */
    public String set(BookId book, String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > Instructions.MAX_CHARS) {
            throw Problem.badRequest("instructions-too-long", "Instructions are at most " + Instructions.MAX_CHARS
                    + " characters; these are " + stripped.length() + ".");
        }
        Optional<String> kept = Instructions.of(stripped);
        if (kept.isEmpty()) {
            db.sql("DELETE FROM content.checkpoints WHERE book_id = :book AND key = :key")
                    .param("book", book.value()).param("key", StepKeys.INSTRUCTIONS).update();
            return "";
        }
        db.sql("""
                INSERT INTO content.checkpoints (book_id, key, document) VALUES (:book, :key, :document)
                ON CONFLICT (book_id, key) DO UPDATE SET document = excluded.document, updated_at = now()""")
                .param("book", book.value()).param("key", StepKeys.INSTRUCTIONS).param("document", kept.get()).update();
        return kept.get();
    }
}
