package com.authorworks.content.generation;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.engine.StepKeys;
import com.authorworks.platform.CurrentUser;

/** What the caller's generations have cost: tokens and dollars, in total and per book, and one book's per step. */
@RestController
class UsageController {

    private final JdbcClient db;
    private final Books books;

    UsageController(JdbcClient db, Books books) {
        this.db = db;
        this.books = books;
    }

    record Account(long calls, long inputTokens, long outputTokens, BigDecimal costUsd, List<BookAccount> books) {
    }

    /** {@code title} is null for a book since deleted: what it cost stays on the user's account. */
    record BookAccount(String bookId, String title, long calls, long inputTokens, long outputTokens, BigDecimal costUsd) {
    }

    /**
     * What one book has cost, per step in the order the steps were first paid for. {@code estimatedCalls} of the
     * calls carry the engine's estimate, not the provider's count (a cut stream, a call in flight or lost with its run).
     */
    record BookUsage(long calls, long inputTokens, long outputTokens, BigDecimal costUsd, List<StepUsage> steps, long estimatedCalls) {
    }

    /** {@code phase}, {@code chapter} and {@code scene} are read from the step key by the engine's {@link StepKeys#parse}. */
    record StepUsage(String step, String phase, Integer chapter, Integer scene, long calls, long inputTokens, long outputTokens,
                     BigDecimal costUsd, long estimatedCalls) {
    }

    @GetMapping("/api/v1/books/{id}/usage")
    BookUsage bookUsage(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        List<StepUsage> steps = db.sql("""
                SELECT step, count(*) AS calls, sum(input_tokens) AS input, sum(output_tokens) AS output, sum(cost_usd) AS cost,
                       count(*) FILTER (WHERE estimated) AS estimated
                FROM content.usage_entries WHERE book_id = :book GROUP BY step ORDER BY min(id)""")
                .param("book", book.id().value())
                .query((rs, row) -> {
                    StepKeys.Step step = StepKeys.parse(rs.getString("step"));
                    return new StepUsage(step.key(), step.phase(), step.chapter(), step.scene(), rs.getLong("calls"), rs.getLong("input"),
                            rs.getLong("output"), rs.getBigDecimal("cost"), rs.getLong("estimated"));
                }).list();
        return new BookUsage(steps.stream().mapToLong(StepUsage::calls).sum(), steps.stream().mapToLong(StepUsage::inputTokens).sum(),
                steps.stream().mapToLong(StepUsage::outputTokens).sum(),
                steps.stream().map(StepUsage::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add), steps,
                steps.stream().mapToLong(StepUsage::estimatedCalls).sum());
    }

    @GetMapping("/api/v1/usage")
    Account usage() {
        CurrentUser user = CurrentUser.require();
        List<BookAccount> books = db.sql("""
                SELECT u.book_id, b.title, count(*) AS calls, sum(u.input_tokens) AS input, sum(u.output_tokens) AS output,
                       sum(u.cost_usd) AS cost
                FROM content.usage_entries u LEFT JOIN content.books b ON b.id = u.book_id
                WHERE u.user_id = :user GROUP BY u.book_id, b.title ORDER BY u.book_id""")
                .param("user", user.id().value())
                .query((rs, row) -> new BookAccount(rs.getString("book_id"), rs.getString("title"), rs.getLong("calls"),
                        rs.getLong("input"), rs.getLong("output"), rs.getBigDecimal("cost"))).list();
        return new Account(books.stream().mapToLong(BookAccount::calls).sum(), books.stream().mapToLong(BookAccount::inputTokens).sum(),
                books.stream().mapToLong(BookAccount::outputTokens).sum(),
                books.stream().map(BookAccount::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add), books);
    }
}
