package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What {@code /metrics} tells Prometheus about generation: runs by outcome, the tokens of booked calls, the queues, the pool. */
@Timeout(180)
class MetricsIntegrationTests extends ContentIntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Autowired
    JdbcClient db;

    @Test
    void aFinishedBookIsCountedWithTheTokensOfItsCallsAndTheQueuesAndThePoolAreScraped() {
        Map<String, Double> before = scrape();
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("sample"))), 202)
                .path("bookId").asString();
        Eventually.until("the book to finish", () -> GenerationIntegrationTests.status(author, book),
                status -> status.path("state").asString().equals("COMPLETED"));
        Map<String, Object> booked = db.sql("""
                SELECT sum(input_tokens) AS input, sum(output_tokens) AS output FROM content.usage_entries
                WHERE book_id = CAST(:book AS uuid) AND NOT estimated""").param("book", book).query().singleRow();
        long input = ((Number) booked.get("input")).longValue();
        long output = ((Number) booked.get("output")).longValue();
        assertThat(input).as("the sample writer's calls are booked with their tokens").isPositive();

        String completed = "authorworks_generation_jobs_total{outcome=completed}";
        Map<String, Double> after = Eventually.until("the run to be counted", this::scrape,
                now -> now.getOrDefault(completed, 0.0) > before.getOrDefault(completed, 0.0));
        // at least: a book of another test class sharing this context may have finished meanwhile
        assertThat(delta(before, after, "authorworks_model_tokens_total{direction=input,provider=sample}")).isGreaterThanOrEqualTo(input);
        assertThat(delta(before, after, "authorworks_model_tokens_total{direction=output,provider=sample}")).isGreaterThanOrEqualTo(output);
        assertThat(after).containsKey("authorworks_model_cost_usd_total{provider=sample}")
                .containsEntry("authorworks_jobs{queue=content.generation_jobs,state=running}", 0.0)
                .containsKeys("authorworks_jobs{queue=content.generation_jobs,state=waiting}",
                        "authorworks_jobs{queue=content.exports,state=waiting}");
        assertThat(after.keySet()).as("the database pool").anyMatch(name -> name.startsWith("hikaricp_connections_active{"));
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }

    /** The exposition's samples, each named with its labels sorted ({@code name{a=x,b=y}}). */
    private Map<String, Double> scrape() {
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            String name = sample.group(1) + (labels.isEmpty() ? "" : labels.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(",", "{", "}")));
            samples.put(name, Double.parseDouble(sample.group(3)));
        }
        return samples;
    }
}
