package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** AI assist over real HTTP: the sample writer for books written by hand, Anthropic's streaming API (WireMock) for others. */
@Timeout(120)
class AssistIntegrationTests extends ContentIntegrationTest {

    static final String SCENE = "<p>Mara climbed the lighthouse stairs with the letters in her coat.</p><p>The lamp room was cold.</p>";
    static final String SELECTION = "The lamp room was cold and the glass was fogged with salt. She read the first letter twice, "
            + "then a third time, slowly. Outside, the gulls argued over the rocks.";

    @Autowired
    JdbcClient db;

    @AfterEach
    void forgetStubs() {
        ANTHROPIC.resetAll();
    }

    record Event(String name, JsonNode data) {
    }

    /** POSTs an assist request and reads its whole event stream. */
    static List<Event> assist(Api api, String scenePath, Map<String, Object> body) {
        HttpResponse<Stream<String>> response;
        try {
            response = java.net.http.HttpClient.newHttpClient().send(api.request(scenePath + "/assist")
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(BodyPublishers.ofString(json(body))).build(), HttpResponse.BodyHandlers.ofLines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<Event> events = new ArrayList<>();
        String name = null;
        for (Iterator<String> lines = response.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                events.add(new Event(name, Api.JSON.readTree(line.substring(5))));
            }
        }
        return events;
    }

    static JsonNode done(List<Event> events) {
        assertThat(events).extracting(Event::name).last().isEqualTo("done");
        assertThat(events.subList(0, events.size() - 1)).extracting(Event::name).containsOnly("delta").isNotEmpty();
        JsonNode done = events.getLast().data();
        String streamed = String.join("", events.stream().filter(e -> e.name().equals("delta")).map(e -> e.data().path("text").asString()).toList());
        assertThat(streamed.strip()).isEqualTo(done.path("text").asString());
        return done;
    }

    static int words(String text) {
        return text.strip().split("\\s+").length;
    }

    String handWrittenScene(Api author) {
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "The Lamp Room"))), 201).path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        String scene = ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", "Stairs", "content", SCENE))), 201).path("id").asString();
        return "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + scene;
    }

    @Test
    void theSampleWriterAssistsABookWrittenByHandEachActionAsAsked() {
        Api author = newUser();
        String scene = handWrittenScene(author);
        String book = scene.split("/")[4];

        JsonNode continued = done(assist(author, scene, Map.of("action", "continue")));
        assertThat(continued.path("sample").asBoolean()).isTrue();
        assertThat(continued.path("provider").asString()).isEqualTo("sample");
        assertThat(continued.path("text").asString()).startsWith("[Sample text").contains("\n\n").doesNotContain("lighthouse stairs");
        assertThat(continued.path("inputTokens").asLong()).isPositive();
        assertThat(continued.path("outputTokens").asLong()).isPositive();
        assertThat(continued.path("costUsd").decimalValue()).isZero();

        String shorter = done(assist(author, scene, Map.of("action", "shorten", "selection", SELECTION))).path("text").asString();
        assertThat(shorter).startsWith("[Sample]");
        assertThat(words(shorter)).isLessThan(words(SELECTION));
        String longer = done(assist(author, scene, Map.of("action", "expand", "selection", SELECTION))).path("text").asString();
        assertThat(longer).startsWith("[Sample]").contains(SELECTION);
        assertThat(words(longer)).isGreaterThan(words(SELECTION));
        String rewritten = done(assist(author, scene, Map.of("action", "rewrite", "selection", SELECTION, "instruction", "darker")))
                .path("text").asString();
        assertThat(rewritten).startsWith("[Sample]").doesNotContain(SELECTION);
        String fixed = done(assist(author, scene, Map.of("action", "fix-grammar", "selection", "she read the the letter , slowly")))
                .path("text").asString();
        assertThat(fixed).isEqualTo("[Sample] She read the letter, slowly.");

        JsonNode saved = ok(author.get(scene), 200);
        assertThat(saved.path("content").asString()).as("nothing is saved to the scene").isEqualTo(SCENE);
        assertThat(ok(author.get(scene + "/versions"), 200)).hasSize(1);
        JsonNode usage = ok(author.get("/api/v1/books/" + book + "/usage"), 200);
        assertThat(usage.path("steps")).singleElement().satisfies(step -> {
            assertThat(step.path("step").asString()).isEqualTo("assist");
            assertThat(step.path("phase").asString()).isEqualTo("assist");
            assertThat(step.path("calls").asLong()).isEqualTo(5);
            assertThat(step.path("chapter").isNull()).isTrue();
        });
    }

    @Test
    void badAssistRequestsAreProblemsBeforeAnyStream() {
        Api author = newUser();
        Api stranger = newUser();
        String scene = handWrittenScene(author);
        problem(author.post(scene + "/assist", json(Map.of("action", "summarise", "selection", "x"))), 400, "invalid-assist-action");
        problem(author.post(scene + "/assist", json(Map.of("action", "rewrite"))), 400, "selection-required");
        problem(author.post(scene + "/assist", json(Map.of("action", "shorten", "selection", "  "))), 400, "selection-required");
        problem(author.post(scene + "/assist", json(Map.of("action", "expand", "selection", "word ".repeat(4_001)))), 400, "validation-failed");
        problem(author.post(scene + "/assist", json(Map.of())), 400, "validation-failed");
        problem(stranger.post(scene + "/assist", json(Map.of("action", "continue"))), 404, "book-not-found");
        String otherScene = scene.substring(0, scene.lastIndexOf('/') + 1) + java.util.UUID.randomUUID();
        problem(author.post(otherScene + "/assist", json(Map.of("action", "continue"))), 404, "scene-not-found");
        // a client that only accepts the stream still gets the problem as problem details
        var streamOnly = author.send(author.request(scene + "/assist").header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(BodyPublishers.ofString(json(Map.of("action", "rewrite")))));
        problem(streamOnly, 400, "selection-required");
    }

    /** A book whose generation ran with Anthropic (and failed at once on a refused key), so its model is Anthropic's. */
    String anthropicBook(Api author, String key) {
        ok(author.put("/api/v1/provider-keys/anthropic", json(Map.of("key", key))), 200);
        ANTHROPIC.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(ProviderKeysIntegrationTests.REFUSED)));
        Map<String, Object> request = new HashMap<>(GenerationIntegrationTests.smallBook("anthropic"));
        request.put("model", "claude-sonnet-4-5");
        String book = ok(author.post("/api/v1/books/generate", json(request)), 202).path("bookId").asString();
        Eventually.until("the job to fail", () -> GenerationIntegrationTests.status(author, book), s -> s.path("state").asString().equals("FAILED"));
        ok(author.put("/api/v1/books/" + book + "/artifacts/style", json(Map.of("voice", "spare, close third", "tense", "past",
                "person", "third", "proseRules", List.of("short sentences"), "dialogueRules", List.of("said only"), "avoid", List.of("adverbs")))), 200);
        ANTHROPIC.resetAll();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        String scene = ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", "Stairs", "content", SCENE))), 201).path("id").asString();
        return "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/" + scene;
    }

    static String sse(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append("event: ").append(Api.JSON.readTree(event).path("type").asString()).append('\n').append("data: ").append(event).append("\n\n");
        }
        return body.toString();
    }

    static final String START = """
            {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":310,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}""";

    @Test
    void anAnthropicBookIsAssistedByAnthropicStreamedAsItWritesAndBookedToTheBook() {
        Api author = newUser();
        String key = "sk-ant-api03-assist-" + java.util.UUID.randomUUID();
        String scene = anthropicBook(author, key);
        String book = scene.split("/")[4];
        ANTHROPIC.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200).withHeader("content-type", "text/event-stream")
                .withBody(sse(START,
                        """
                        {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The lamp room was cold."}}""",
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" She read the letter twice."}}""",
                        """
                        {"type":"content_block_stop","index":0}""",
                        """
                        {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":12}}""",
                        """
                        {"type":"message_stop"}"""))));

        List<Event> events = assist(author, scene, Map.of("action", "shorten", "selection", SELECTION));

        assertThat(events).extracting(e -> e.data().path("text").asString()).startsWith("The lamp room was cold.", " She read the letter twice.");
        JsonNode done = done(events);
        assertThat(done.path("text").asString()).isEqualTo("The lamp room was cold. She read the letter twice.");
        assertThat(done.path("sample").asBoolean()).isFalse();
        assertThat(done.path("provider").asString()).isEqualTo("anthropic");
        assertThat(done.path("model").asString()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(done.path("inputTokens").asLong()).isEqualTo(310);
        assertThat(done.path("outputTokens").asLong()).isEqualTo(12);
        assertThat(done.path("costUsd").decimalValue()).isPositive();

        ANTHROPIC.verify(postRequestedFor(urlEqualTo("/v1/messages")).withHeader("x-api-key", equalTo(key)));
        JsonNode sent = Api.JSON.readTree(ANTHROPIC.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(sent.toString()).contains("Voice: spare, close third");
        assertThat(sent.path("messages").get(0).path("content").asString()).contains("Task: shorten", SELECTION, "lighthouse stairs");

        JsonNode usage = ok(author.get("/api/v1/books/" + book + "/usage"), 200);
        assertThat(usage.path("steps")).singleElement().satisfies(step -> {
            assertThat(step.path("phase").asString()).isEqualTo("assist");
            assertThat(step.path("inputTokens").asLong()).isEqualTo(310);
        });
        assertThat(usage.path("costUsd").decimalValue()).isEqualByComparingTo(done.path("costUsd").decimalValue());
    }

    @Test
    void aProviderFailureInTheMiddleOfTheStreamEndsItWithAProblemAndBooksNothing() {
        Api author = newUser();
        String scene = anthropicBook(author, "sk-ant-api03-assist-" + java.util.UUID.randomUUID());
        String book = scene.split("/")[4];
        ANTHROPIC.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200).withHeader("content-type", "text/event-stream")
                .withBody(sse(START,
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The lamp room"}}""",
                        """
                        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""))));

        List<Event> events = assist(author, scene, Map.of("action", "continue"));

        assertThat(events).extracting(Event::name).containsExactly("delta", "error");
        JsonNode problem = events.getLast().data();
        assertThat(problem.path("code").asString()).isEqualTo("provider-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("type").asString()).endsWith("/provider-unavailable");
        assertThat(problem.path("detail").asString()).contains("overloaded");
        assertThat(ANTHROPIC.getAllServeEvents()).as("a stream the author watched is not silently started again").hasSize(1);
        assertThat(ok(author.get("/api/v1/books/" + book + "/usage"), 200).path("calls").asLong()).isZero();
    }

    @Test
    void anAnthropicBookWithoutAKeyIsRefusedBeforeTheStream() {
        Api author = newUser();
        String scene = anthropicBook(author, "sk-ant-api03-assist-" + java.util.UUID.randomUUID());
        ok(author.delete("/api/v1/provider-keys/anthropic"), 204);
        problem(author.post(scene + "/assist", json(Map.of("action", "continue"))), 400, "provider-key-missing");
        assertThat(ANTHROPIC.getAllServeEvents()).isEmpty();
    }
}
