package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Writing goals (the goals package): daily words, streaks and a book's pace, over real saves. */
class GoalsIntegrationTests extends ContentIntegrationTest {

    @Autowired
    JdbcClient db;

    @Test
    void theWordsAWriterWritesTodayCountTowardsTheirDailyGoalAndStreakNetOfWhatTheyCut() {
        var author = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "The Lamp Room"))), 201).path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        String scene = "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + ok(author.post("/api/v1/books/" + book + "/chapters/"
                + chapter + "/scenes", json(Map.of("title", "Stairs", "content", "<p>one two three four five six</p>"))), 201).path("id").asString();
        ok(author.patch(scene, json(Map.of("content", "<p>one two three four five six seven eight nine ten</p>", "baseVersion", 1))), 200);
        ok(author.patch(scene, json(Map.of("content", "<p>one two three four five six seven eight</p>", "baseVersion", 2))), 200);

        JsonNode progress = ok(author.get("/api/v1/goals?zone=UTC"), 200);
        assertThat(progress.path("todayWords").asLong()).as("6 + 4 - 2").isEqualTo(8);
        assertThat(progress.path("dailyWords").isNull()).isTrue();
        assertThat(progress.path("streak").asInt()).as("without a goal, a day that added words").isEqualTo(1);
        assertThat(progress.path("days").size()).isEqualTo(14);
        assertThat(progress.path("days").get(13).path("words").asLong()).isEqualTo(8);

        // yesterday and the day before, as saves of those days; three days ago was missed
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ok(author.patch(scene, json(Map.of("content", "<p>" + "word ".repeat(20) + "</p>", "baseVersion", 3))), 200);
        ok(author.patch(scene, json(Map.of("content", "<p>" + "word ".repeat(35) + "</p>", "baseVersion", 4))), 200);
        ok(author.patch(scene, json(Map.of("content", "<p>" + "word ".repeat(47) + "</p>", "baseVersion", 5))), 200);
        dated(book, 4, today.minusDays(2));
        dated(book, 5, today.minusDays(1));
        dated(book, 6, today.minusDays(1));

        ok(author.put("/api/v1/goals", json(Map.of("dailyWords", 8))), 200);
        progress = ok(author.get("/api/v1/goals?days=3"), 200);
        assertThat(progress.path("dailyWords").asInt()).isEqualTo(8);
        assertThat(progress.path("days").toString()).isEqualTo("[{\"date\":\"" + today.minusDays(2) + "\",\"words\":12},{\"date\":\""
                + today.minusDays(1) + "\",\"words\":27},{\"date\":\"" + today + "\",\"words\":8}]");
        assertThat(progress.path("streak").asInt()).isEqualTo(3);
        ok(author.put("/api/v1/goals", json(Map.of("dailyWords", 20))), 200);
        assertThat(ok(author.get("/api/v1/goals"), 200).path("streak").asInt()).as("today is short but not over").isEqualTo(1);
        ok(author.put("/api/v1/goals", json(Map.of("dailyWords", 30))), 200);
        assertThat(ok(author.get("/api/v1/goals"), 200).path("streak").asInt()).isZero();

        assertThat(ok(newUser().get("/api/v1/goals"), 200).path("todayWords").asLong()).as("another writer's words are theirs").isZero();
        ok(author.delete("/api/v1/goals"), 204);
        problem(author.delete("/api/v1/goals"), 404, "goal-not-found");
    }

    @Test
    void aBooksGoalSaysThePaceThatReachesItAndOnlyItsOwnerSeesIt() {
        var author = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "Ninety Days"))), 201).path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", "Start", "content", "<p>" + "word ".repeat(100) + "</p>"))), 201);
        String goal = "/api/v1/books/" + book + "/goal";
        assertThat(author.get(goal).statusCode()).isEqualTo(204);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode set = ok(author.put(goal + "?zone=UTC", json(Map.of("targetWords", 1000, "deadline", today.plusDays(9).toString()))), 200);
        assertThat(set.path("words").asLong()).isEqualTo(100);
        assertThat(set.path("remaining").asLong()).isEqualTo(900);
        assertThat(set.path("daysLeft").asInt()).isEqualTo(10);
        assertThat(set.path("wordsPerDay").asLong()).isEqualTo(90);
        JsonNode listed = ok(author.get("/api/v1/books"), 200).path("items");
        assertThat(listed.get(0).path("goalWords").asInt()).isEqualTo(1000);

        JsonNode open = ok(author.put(goal, json(Map.of("targetWords", 50))), 200);
        assertThat(open.path("remaining").asLong()).isZero();
        assertThat(open.path("daysLeft").isNull()).isTrue();
        assertThat(open.path("wordsPerDay").isNull()).isTrue();

        problem(author.put(goal, json(Map.of("targetWords", 1000, "deadline", today.minusDays(2).toString()))), 400, "invalid-deadline");
        problem(author.put(goal, json(Map.of("targetWords", 0))), 400, "validation-failed");
        problem(author.get(goal + "?zone=Mars/Olympus"), 400, "invalid-zone");
        var stranger = newUser();
        problem(stranger.get(goal), 404, "book-not-found");
        problem(stranger.put(goal, json(Map.of("targetWords", 10))), 404, "book-not-found");
        assertThat(ok(author.get(goal), 200).path("targetWords").asInt()).as("nothing a stranger sent was saved").isEqualTo(50);
        ok(author.delete(goal), 204);
        problem(author.delete(goal), 404, "goal-not-found");
    }

    /** Moves a version's save to noon of another day, as if it had been written then. */
    private void dated(String book, int version, LocalDate day) {
        db.sql("UPDATE content.versions SET created_at = :at WHERE book_id = :book AND number = :number AND subject LIKE 'scene:%'")
                .param("at", day.atTime(12, 0).atOffset(ZoneOffset.UTC)).param("book", java.util.UUID.fromString(book)).param("number", version)
                .update();
    }
}
