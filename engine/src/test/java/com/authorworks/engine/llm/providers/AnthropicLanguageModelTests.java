package com.authorworks.engine.llm.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Completion.FinishReason;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.Usage;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class AnthropicLanguageModelTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ApiKey KEY = new ApiKey("sk-ant-api03-secret-test-key-9f3a");
    static final String MODEL = "claude-sonnet-4-5";

    static final String MESSAGE = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",
             "model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"The rain had stopped before she noticed."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":21,"cache_creation_input_tokens":1024,"cache_read_input_tokens":0,"output_tokens":9}}""";

    static final String OVERLOADED = """
            {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""";

    LanguageModel anthropic;
    List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void setUp() {
        anthropic = Calls.model("anthropic", server.baseUrl());
    }

    @Test
    void sendsTheKeyVersionAndACachedSystemBlockAndReportsCacheWrites() {
        server.stubFor(post("/v1/messages").willReturn(okJson(MESSAGE)));

        Completion completion = anthropic.complete(Calls.cached(MODEL, KEY));

        assertThat(Calls.sentHeader(server, "x-api-key")).isEqualTo(KEY.secret());
        assertThat(Calls.sentHeader(server, "anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = Calls.sentBody(server);
        assertThat(body.get("model").asString()).isEqualTo(MODEL);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.at("/system/0/text").asString()).isEqualTo("You are a careful novelist.");
        assertThat(body.at("/system/0/cache_control/type").asString()).isEqualTo("ephemeral");
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asString()).isEqualTo("Write one line.");
        assertThat(body.has("stream")).isFalse();

        assertThat(completion.text()).isEqualTo("The rain had stopped before she noticed.");
        assertThat(completion.provider()).isEqualTo("anthropic");
        assertThat(completion.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(completion.usage()).isEqualTo(new Usage(21 + 1024, 9, 0, 1024));
    }

    @Test
    void anInterruptedCallGivesUpInsteadOfWaitingForTheAnswer() throws Exception {
        server.stubFor(post("/v1/messages").willReturn(okJson(MESSAGE).withFixedDelay(60_000)));
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                Calls.model("anthropic", server.baseUrl()).complete(Calls.text(MODEL, KEY));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        while (server.getAllServeEvents().isEmpty()) {
            Thread.onSpinWait();
        }

        caller.interrupt();
        caller.join(Duration.ofSeconds(30));

        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(LanguageModelException.Unavailable.class).hasMessageContaining("interrupted");
    }

    @Test
    void sendsThePlainSystemStringWhenNotCaching() {
        server.stubFor(post("/v1/messages").willReturn(okJson(MESSAGE)));

        anthropic.complete(Calls.text(MODEL, KEY));

        assertThat(Calls.sentBody(server).get("system").asString()).isEqualTo("You are a careful novelist.");
    }

    @Test
    void streamsTextDeltasAndReportsUsageFromStartAndFinalEvents() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(Calls.sse(
                        """
                        {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":2048,"output_tokens":1}}}""",
                        """
                        {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
                        """
                        {"type":"ping"}""",
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The rain"}}""",
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" stopped."}}""",
                        """
                        {"type":"content_block_stop","index":0}""",
                        """
                        {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":15}}""",
                        """
                        {"type":"message_stop"}"""))));
        List<String> deltas = new ArrayList<>();

        Completion completion = anthropic.complete(Calls.streamed(MODEL, KEY, deltas::add));

        assertThat(Calls.sentBody(server).get("stream").asBoolean()).isTrue();
        assertThat(deltas).containsExactly("The rain", " stopped.");
        assertThat(completion.text()).isEqualTo("The rain stopped.");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(completion.usage()).isEqualTo(new Usage(25 + 2048, 15, 2048, 0));
    }

    @Test
    void structuredOutputForcesTheToolAndAnswersWithItsInput() {
        server.stubFor(post("/v1/messages").willReturn(okJson("""
                {"id":"msg_2","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"outline",
                             "input":{"title":"Rain","chapters":["Storm","Calm"]}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":120,"output_tokens":30}}""")));

        Completion completion = anthropic.complete(Calls.json(MODEL, KEY));

        JsonNode body = Calls.sentBody(server);
        assertThat(body.at("/tools/0/name").asString()).isEqualTo("outline");
        assertThat(body.at("/tools/0/input_schema")).isEqualTo(ProviderHttp.JSON.readTree(Calls.SCHEMA));
        assertThat(body.at("/tool_choice/type").asString()).isEqualTo("tool");
        assertThat(body.at("/tool_choice/name").asString()).isEqualTo("outline");
        assertThat(ProviderHttp.JSON.readTree(completion.text()))
                .isEqualTo(ProviderHttp.JSON.readTree("{\"title\":\"Rain\",\"chapters\":[\"Storm\",\"Calm\"]}"));
        assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(completion.usage()).isEqualTo(new Usage(120, 30, 0, 0));
    }

    @Test
    void streamedStructuredOutputHandsOverTheToolInputAsItArrives() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(Calls.sse(
                        """
                        {"type":"message_start","message":{"id":"msg_5","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":120,"output_tokens":1}}}""",
                        """
                        {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"outline","input":{}}}""",
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}""",
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"title\\": \\"Ra"}}""",
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"in\\", \\"chapters\\": []}"}}""",
                        """
                        {"type":"content_block_stop","index":0}""",
                        """
                        {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":19}}""",
                        """
                        {"type":"message_stop"}"""))));
        List<String> deltas = new ArrayList<>();
        var request = Calls.json(MODEL, KEY);
        request = new com.authorworks.engine.llm.CompletionRequest(request.model(), request.system(), request.messages(),
                request.temperature(), request.maxTokens(), request.output(), false, KEY, deltas::add);

        Completion completion = anthropic.complete(request);

        assertThat(String.join("", deltas)).isEqualTo(completion.text());
        assertThat(ProviderHttp.JSON.readTree(completion.text()))
                .isEqualTo(ProviderHttp.JSON.readTree("{\"title\":\"Rain\",\"chapters\":[]}"));
        assertThat(completion.usage()).isEqualTo(new Usage(120, 19, 0, 0));
    }

    @Test
    void aSchemaThatIsNotJsonIsBadRequestBeforeAnyCall() {
        var request = new com.authorworks.engine.llm.CompletionRequest(MODEL, null,
                List.of(com.authorworks.engine.llm.Message.user("Outline it.")), 0.2, 100,
                com.authorworks.engine.llm.OutputFormat.json("outline", "{type: object"), false, KEY, null);

        assertThatThrownBy(() -> anthropic.complete(request))
                .isInstanceOf(LanguageModelException.BadRequest.class)
                .hasMessageContaining("outline");
        assertThat(Calls.received(server)).isEmpty();
    }

    @Test
    void rateLimitedCallWaitsAsLongAsRetryAfterSaysThenSucceeds() {
        server.stubFor(post("/v1/messages").inScenario("limit").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "7")
                        .withHeader("content-type", "application/json").withBody("""
                                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}""")));
        server.stubFor(post("/v1/messages").inScenario("limit").whenScenarioStateIs("ok").willReturn(okJson(MESSAGE)));

        Completion completion = Calls.retrying(anthropic, waits).complete(Calls.text(MODEL, KEY));

        assertThat(completion.text()).startsWith("The rain");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(Calls.received(server)).hasSize(2);
    }

    @Test
    void overloadedProviderIsRetriedWithBackoff() {
        server.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(529).withHeader("content-type", "application/json").withBody(OVERLOADED)));
        server.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson(MESSAGE)));

        Completion completion = Calls.retrying(anthropic, waits).complete(Calls.text(MODEL, KEY));

        assertThat(completion.provider()).isEqualTo("anthropic");
        assertThat(waits).hasSize(1);
        assertThat(waits.getFirst()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void overloadedIsUnavailable() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529).withBody(OVERLOADED)));

        assertThatThrownBy(() -> anthropic.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.Unavailable.class)
                .hasMessageContaining("overloaded");
    }

    @Test
    void invalidKeyFailsFastWithoutRetryAndWithoutTheKey() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401).withBody("""
                {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""")));

        assertThatThrownBy(() -> Calls.retrying(anthropic, waits).complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.InvalidKey.class)
                .hasMessageContaining("API key was rejected")
                .hasMessageNotContaining(KEY.secret());
        assertThat(waits).isEmpty();
        assertThat(Calls.received(server)).hasSize(1);
    }

    @Test
    void missingKeyFailsBeforeAnyCall() {
        assertThatThrownBy(() -> anthropic.complete(Calls.text(MODEL, null)))
                .isInstanceOf(LanguageModelException.InvalidKey.class)
                .hasMessageContaining("ANTHROPIC_API_KEY");
        assertThat(Calls.received(server)).isEmpty();
    }

    @Test
    void malformedJsonBodyIsBadRequest() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withBody("{\"id\":\"msg_3\",\"content\":[{\"type\":")));

        assertThatThrownBy(() -> Calls.retrying(anthropic, waits).complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.BadRequest.class);
        assertThat(waits).isEmpty();
    }

    @Test
    void streamCutMidwayIsUnavailable() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(Calls.sse(
                        """
                        {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":25,"output_tokens":1}}}""",
                        """
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The rain"}}""")
                        + "event: content_block_delta\ndata: {\"type\":\"content_block_del")));

        assertThatThrownBy(() -> anthropic.complete(Calls.streamed(MODEL, KEY, delta -> { })))
                .isInstanceOf(LanguageModelException.Unavailable.class)
                .hasMessageContaining("ended before the answer was complete");
    }

    @Test
    void overloadedErrorEventInsideAStreamIsUnavailable() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(Calls.sse(
                        """
                        {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":25,"output_tokens":1}}}""",
                        OVERLOADED))));

        assertThatThrownBy(() -> anthropic.complete(Calls.streamed(MODEL, KEY, delta -> { })))
                .isInstanceOf(LanguageModelException.Unavailable.class);
    }

    @Test
    void promptTooLongIsContextTooLongAndNotRetried() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(400).withBody("""
                {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 208310 tokens > 200000 maximum"}}""")));

        assertThatThrownBy(() -> Calls.retrying(anthropic, waits).complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.ContextTooLong.class)
                .hasMessageContaining("208310 tokens");
        assertThat(Calls.received(server)).hasSize(1);
    }

    @Test
    void otherInvalidRequestsAreBadRequests() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(400).withBody("""
                {"type":"error","error":{"type":"invalid_request_error","message":"temperature: range: 0..1"}}""")));

        assertThatThrownBy(() -> anthropic.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.BadRequest.class)
                .hasMessageContaining("temperature");
    }

    @Test
    void refusalStopReasonIsRefused() {
        server.stubFor(post("/v1/messages").willReturn(okJson("""
                {"id":"msg_4","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[],"stop_reason":"refusal","stop_sequence":null,
                 "usage":{"input_tokens":40,"output_tokens":0}}""")));

        assertThatThrownBy(() -> anthropic.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.Refused.class);
    }
}
