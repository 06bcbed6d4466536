package com.authorworks.content.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;

/** Books' word goals: how many words, and by when if the author said. */
@Component
public class BookGoals {

    private final JdbcClient db;

    BookGoals(JdbcClient db) {
        this.db = db;
    }

    /** @param deadline the day the goal should be reached; null for none */
    public record Goal(BookId book, int targetWords, LocalDate deadline, Instant updatedAt) {
    }

    public Optional<Goal> find(BookId book) {
        return db.sql("SELECT * FROM content.book_goals WHERE book_id = :book").param("book", book.value()).query(BookGoals::goal).optional();
    }

    /** The goals of several books in one query; a book without one is absent. */
    public Map<BookId, Goal> of(List<BookId> books) {
        Map<BookId, Goal> goals = new HashMap<>();
        if (!books.isEmpty()) {
            db.sql("SELECT * FROM content.book_goals WHERE book_id IN (:books)").param("books", books.stream().map(BookId::value).toList())
                    .query(BookGoals::goal).list().forEach(goal -> goals.put(goal.book(), goal));
        }
        return goals;
    }

    public Goal save(BookId book, int targetWords, LocalDate deadline) {
        db.sql("""
                INSERT INTO content.book_goals (book_id, target_words, deadline) VALUES (:book, :words, :deadline)
                ON CONFLICT (book_id) DO UPDATE SET target_words = excluded.target_words, deadline = excluded.deadline, updated_at = now()""")
                .param("book", book.value()).param("words", targetWords).param("deadline", deadline).update();
        return find(book).orElseThrow();
    }

    public boolean delete(BookId book) {
        return db.sql("DELETE FROM content.book_goals WHERE book_id = :book").param("book", book.value()).update() == 1;
    }

    private static Goal goal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Goal(new BookId(rs.getObject("book_id", UUID.class)), rs.getInt("target_words"), rs.getObject("deadline", LocalDate.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
