package com.authorworks.content.generation;

import java.math.BigDecimal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Books;

/**
 * The one source of a book's words, tokens and cost: words are the sum of its scenes' counts (what the
 * book view, the editor and the dashboard show), tokens and cost the sum of its usage entries (what
 * "Tokens and cost" lists, every run and assist call included). Progress that the job stores, the
 * status endpoint answers and the events carry is corrected to these, so no two screens disagree.
 */
@Component
class BookTotals {

    private final JdbcClient db;
    private final Books books;

    BookTotals(JdbcClient db, Books books) {
        this.db = db;
        this.books = books;
    }

    /** {@code progress} with the book's words, tokens and cost; step, scenes and time left stay the engine's. */
    Job.Progress of(BookId book, Job.Progress progress) {
        long[] tokens = new long[2];
        BigDecimal cost = db.sql("""
                SELECT coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output, coalesce(sum(cost_usd), 0) AS cost
                FROM content.usage_entries WHERE book_id = :book""")
                .param("book", book.value())
                .query((rs, row) -> {
                    tokens[0] = rs.getLong("input");
                    tokens[1] = rs.getLong("output");
                    return rs.getBigDecimal("cost");
                }).single();
        return new Job.Progress(progress.step(), progress.scenesDone(), progress.scenesTotal(), books.words(book), tokens[0], tokens[1],
                cost, progress.etaSeconds());
    }
}
