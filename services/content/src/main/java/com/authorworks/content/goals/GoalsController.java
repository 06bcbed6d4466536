package com.authorworks.content.goals;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.BookGoals;
import com.authorworks.content.internal.Books;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/**
 * Writing goals. The words a writer wrote on a day are the net words of their own saves of scenes
 * that day (each save's words minus the words of the version before it: cutting counts against),
 * in the writer's time zone: from the scene editor and the editor service's non-collaborative save. Generated and
 * imported text is not theirs and does not count, nor yet the shared document's write-backs (several writers' words
 * in one version).
 */
@RestController
class GoalsController {

    /** How far back a streak is followed, and the most days shown. */
    static final int MAX_DAYS = 366;

    private final JdbcClient db;
    private final Books books;
    private final BookGoals goals;

    GoalsController(JdbcClient db, Books books, BookGoals goals) {
        this.db = db;
        this.books = books;
        this.goals = goals;
    }

    record DailyGoal(@NotNull @Min(1) @Max(100_000) Integer dailyWords) {
    }

    record Day(LocalDate date, long words) {
    }

    /**
     * @param dailyWords the goal, null when none is set
     * @param streak     days in a row the goal was met (any words without a goal), ending today or yesterday
     * @param days       the last days asked for, oldest first, today last
     */
    record Progress(Integer dailyWords, String zone, LocalDate today, long todayWords, int streak, List<Day> days) {
    }

    /**
     * @param deadline    null for none
     * @param daysLeft    days to the deadline, today and the deadline included; 0 once it has passed; null without one
     * @param wordsPerDay the pace that reaches the goal by the deadline; null without a deadline, once it passed, or when reached
     */
    record BookGoal(int targetWords, LocalDate deadline, long words, long remaining, Integer daysLeft, Long wordsPerDay, Instant updatedAt) {
    }

    record NewBookGoal(@NotNull @Min(1) @Max(2_000_000) Integer targetWords, LocalDate deadline) {
    }

    @GetMapping("/api/v1/goals")
    Progress progress(@RequestParam(required = false) String zone, @RequestParam(required = false) Integer days) {
        CurrentUser user = CurrentUser.require();
        ZoneId in = zone(zone);
        int shown = days == null ? 14 : days;
        if (shown < 1 || shown > MAX_DAYS) {
            throw Problem.badRequest("invalid-days", "days is between 1 and " + MAX_DAYS + ".");
        }
        LocalDate today = LocalDate.now(in);
        Map<LocalDate, Long> words = wordsPerDay(user, in, today.minusDays(MAX_DAYS));
        Integer goal = db.sql("SELECT daily_words FROM content.writing_goals WHERE user_id = :user").param("user", user.id().value())
                .query(Integer.class).optional().orElse(null);
        List<Day> recent = new ArrayList<>();
        for (LocalDate day = today.minusDays(shown - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            recent.add(new Day(day, words.getOrDefault(day, 0L)));
        }
        return new Progress(goal, in.getId(), today, words.getOrDefault(today, 0L), Streak.of(words, today, goal), recent);
    }

    @PutMapping("/api/v1/goals")
    DailyGoal setDaily(@Valid @RequestBody DailyGoal body) {
        CurrentUser user = CurrentUser.require();
        db.sql("""
                INSERT INTO content.writing_goals (user_id, daily_words) VALUES (:user, :words)
                ON CONFLICT (user_id) DO UPDATE SET daily_words = excluded.daily_words, updated_at = now()""")
                .param("user", user.id().value()).param("words", body.dailyWords()).update();
        return body;
    }

    @DeleteMapping("/api/v1/goals")
    ResponseEntity<Void> clearDaily() {
        CurrentUser user = CurrentUser.require();
        int deleted = db.sql("DELETE FROM content.writing_goals WHERE user_id = :user").param("user", user.id().value()).update();
        if (deleted == 0) {
            throw Problem.notFound("goal-not-found", "You have no daily goal set.");
        }
        return ResponseEntity.noContent().build();
    }

    /** The book's goal and the pace it needs; 204 when it has none. */
    @GetMapping("/api/v1/books/{id}/goal")
    ResponseEntity<BookGoal> bookGoal(@PathVariable("id") BookId id, @RequestParam(required = false) String zone) {
        Book book = books.require(id, CurrentUser.require());
        ZoneId in = zone(zone);
        return goals.find(book.id()).map(goal -> ResponseEntity.ok(view(book, goal, LocalDate.now(in))))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping("/api/v1/books/{id}/goal")
    BookGoal setBookGoal(@PathVariable("id") BookId id, @Valid @RequestBody NewBookGoal body, @RequestParam(required = false) String zone) {
        Book book = books.require(id, CurrentUser.require());
        ZoneId in = zone(zone);
        LocalDate today = LocalDate.now(in);
        if (body.deadline() != null && (body.deadline().isBefore(today) || body.deadline().isAfter(today.plusYears(20)))) {
            throw Problem.badRequest("invalid-deadline", "The deadline is a day from today to 20 years ahead.");
        }
        return view(book, goals.save(book.id(), body.targetWords(), body.deadline()), today);
    }

    @DeleteMapping("/api/v1/books/{id}/goal")
    ResponseEntity<Void> clearBookGoal(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        if (!goals.delete(book.id())) {
            throw Problem.notFound("goal-not-found", "This book has no goal set.");
        }
        return ResponseEntity.noContent().build();
    }

    private BookGoal view(Book book, BookGoals.Goal goal, LocalDate today) {
        long words = books.counts(List.of(book.id())).getOrDefault(book.id(), Books.Counts.NONE).words();
        long remaining = Math.max(0, goal.targetWords() - words);
        Integer daysLeft = goal.deadline() == null ? null : (int) Math.max(0, ChronoUnit.DAYS.between(today, goal.deadline()) + 1);
        Long pace = daysLeft == null || daysLeft == 0 || remaining == 0 ? null : (remaining + daysLeft - 1) / daysLeft;
        return new BookGoal(goal.targetWords(), goal.deadline(), words, remaining, daysLeft, pace, goal.updatedAt());
    }

    /** Net words per day of the writer's own scene saves since {@code since}, bucketed in their zone. */
    private Map<LocalDate, Long> wordsPerDay(CurrentUser user, ZoneId zone, LocalDate since) {
        Map<LocalDate, Long> words = new HashMap<>();
        db.sql("""
                SELECT v.created_at, v.word_count - coalesce(p.word_count, 0) AS added
                FROM content.versions v
                LEFT JOIN content.versions p ON p.book_id = v.book_id AND p.subject = v.subject AND p.number = v.number - 1
                WHERE v.author_id = :user AND v.origin IN ('edit', 'editor') AND v.subject LIKE 'scene:%' AND v.created_at >= :since""")
                .param("user", user.id().value()).param("since", since.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                .query((rs, row) -> words.merge(rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate(),
                        rs.getLong("added"), Long::sum))
                .list();
        return words;
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return java.time.ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw Problem.badRequest("invalid-zone", "zone is a time zone such as Europe/Paris or UTC.");
        }
    }
}
