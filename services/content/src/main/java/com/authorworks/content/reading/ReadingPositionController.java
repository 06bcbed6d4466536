package com.authorworks.content.reading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.BookRead;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.platform.CurrentUser;

/**
 * The caller's place in a book: a scene and how far into it (0 to 1). One per reader and book: the
 * owner, or a reader of a published book. A reader's first place in someone else's book is announced
 * as {@link BookRead} (discovery's reads, trending and reading history).
 */
@RestController
@RequestMapping("/api/v1/books/{id}/reading-position")
class ReadingPositionController {

    private final Books books;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    ReadingPositionController(Books books, JdbcClient db, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.books = books;
        this.db = db;
        this.transaction = transaction;
        this.events = events;
    }

    record Position(@NotNull UUID chapterId, @NotNull UUID sceneId, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal progress,
                    Instant updatedAt) {
    }

    /** The caller's place, or 204 No Content before they first saved one (not an error: most books are unread). */
    @GetMapping
    ResponseEntity<Position> get(@PathVariable("id") BookId id) {
        CurrentUser user = CurrentUser.require();
        Book book = books.readable(id, Optional.of(user));
        return db.sql("SELECT chapter_id, scene_id, progress, updated_at FROM content.reading_positions WHERE user_id = :user AND book_id = :book")
                .param("user", user.id().value()).param("book", book.id().value())
                .query((rs, row) -> new Position(rs.getObject("chapter_id", UUID.class), rs.getObject("scene_id", UUID.class),
                        rs.getBigDecimal("progress"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional()
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Saves where the caller is; the scene must be one of the book's ({@code 404 chapter-not-found / scene-not-found}). */
    @PutMapping
    Position put(@PathVariable("id") BookId id, @Valid @RequestBody Position position) {
        CurrentUser user = CurrentUser.require();
        Book book = books.readable(id, Optional.of(user));
        Chapter chapter = books.visibleChapter(book, new ChapterId(position.chapterId()), Optional.of(user)).chapter();
        books.scene(chapter, new SceneId(position.sceneId()));
        BigDecimal progress = position.progress().setScale(4, RoundingMode.HALF_UP);
        OffsetDateTime updated = transaction.execute(status -> {
            // xmax = 0 only on a row this statement inserted: the reader's first place in the book
            var saved = db.sql("""
                    INSERT INTO content.reading_positions (user_id, book_id, chapter_id, scene_id, progress)
                    VALUES (:user, :book, :chapter, :scene, :progress)
                    ON CONFLICT (user_id, book_id) DO UPDATE SET chapter_id = excluded.chapter_id, scene_id = excluded.scene_id,
                      progress = excluded.progress, updated_at = now()
                    RETURNING updated_at, (xmax = 0) AS inserted""")
                    .param("user", user.id().value()).param("book", book.id().value()).param("chapter", position.chapterId())
                    .param("scene", position.sceneId()).param("progress", progress)
                    .query((rs, row) -> Map.entry(rs.getObject("updated_at", OffsetDateTime.class), rs.getBoolean("inserted")))
                    .single();
            if (saved.getValue() && !book.owner().equals(user.id())) {
                events.publishEvent(new BookRead(book.id(), user.id(), saved.getKey().toInstant()));
            }
            return saved.getKey();
        });
        return new Position(position.chapterId(), position.sceneId(), progress, updated.toInstant());
    }
}
