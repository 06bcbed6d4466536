package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.authorworks.engine.CallRecord;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;

import tools.jackson.databind.JsonNode;

/** Every call is booked once, from before it is sent: its estimate updated in place, then the provider's count. */
@Timeout(180)
class UsageAccountingIntegrationTests extends ContentIntegrationTest {

    @Autowired
    JdbcClient db;

    @AfterEach
    void calm() {
        CutSampleModels.refuse(0);
        CutSampleModels.cut(0);
    }

    @Test
    void eachCallIsBookedOnceWithTheLastFiguresTheEngineRecordedForIt() {
        Api author = newUser();
        CutSampleModels.refuse(1);
        CutSampleModels.cut(1);
        String book = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("cut-sample"))), 202)
                .path("bookId").asString();
        JsonNode done = Eventually.until("the book to finish", () -> GenerationIntegrationTests.status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));

        // the calls as the engine recorded them, each in its step's record
        Map<String, CallRecord> recorded = new HashMap<>();
        for (Map<String, Object> row : db.sql("SELECT key, document FROM content.checkpoints WHERE book_id = CAST(:book AS uuid)")
                .param("book", book).query().listOfRows()) {
            if (StepKeys.paidFor((String) row.get("key")) != null) {
                for (CallRecord call : Api.JSON.readValue((String) row.get("document"), StepRecord.class).calls()) {
                    recorded.put(call.id(), call);
                }
            }
        }
        List<Map<String, Object>> booked = db.sql("""
                SELECT call_id, step, input_tokens, output_tokens, cost_usd, estimated FROM content.usage_entries
                WHERE book_id = CAST(:book AS uuid)""").param("book", book).query().listOfRows();

        assertThat(booked).as("one row per call; the refused attempt taken off again").hasSize(recorded.size());
        for (Map<String, Object> row : booked) {
            CallRecord call = recorded.get((String) row.get("call_id"));
            assertThat(call).as("booked call %s is recorded", row.get("call_id")).isNotNull();
            assertThat(row.get("input_tokens")).isEqualTo(call.usage().inputTokens());
            assertThat(row.get("output_tokens")).as("the answered figures, not the estimate made before sending").isEqualTo(call.usage().outputTokens());
            assertThat(row.get("estimated")).isEqualTo(call.estimated());
        }
        List<Map<String, Object>> estimated = booked.stream().filter(row -> (Boolean) row.get("estimated")).toList();
        assertThat(estimated).singleElement().satisfies(row -> assertThat((String) row.get("step")).startsWith("draft/"));
        Object cutStep = estimated.getFirst().get("step");
        List<Map<String, Object>> cutScene = booked.stream().filter(row -> row.get("step").equals(cutStep)).toList();
        assertThat(cutScene).as("the cut attempt and its retry").hasSize(2);
        long cut = (Long) estimated.getFirst().get("output_tokens");
        long whole = cutScene.stream().filter(row -> !(Boolean) row.get("estimated")).mapToLong(row -> (Long) row.get("output_tokens")).sum();
        assertThat(cut).as("half the text streamed before the cut").isBetween(whole * 4 / 10, whole * 6 / 10);

        JsonNode usage = ok(author.get("/api/v1/books/" + book + "/usage"), 200);
        assertThat(usage.path("calls").asLong()).isEqualTo(recorded.size());
        assertThat(usage.path("estimatedCalls").asLong()).isOne();
        assertThat(usage.path("outputTokens").asLong()).isEqualTo(done.path("outputTokens").asLong())
                .isEqualTo(recorded.values().stream().mapToLong(c -> c.usage().outputTokens()).sum());
        assertThat(usage.path("inputTokens").asLong()).isEqualTo(done.path("inputTokens").asLong());
    }
}
