package com.authorworks.content.generation;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;

/** What the caller's generations have cost: tokens and dollars, in total and per book. */
@RestController
class UsageController {

    private final JdbcClient db;

    UsageController(JdbcClient db) {
        this.db = db;
    }

    record Account(long calls, long inputTokens, long outputTokens, BigDecimal costUsd, List<BookAccount> books) {
    }

    /** {@code title} is null for a book since deleted: what it cost stays on the user's account. */
    record BookAccount(String bookId, String title, long calls, long inputTokens, long outputTokens, BigDecimal costUsd) {
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
