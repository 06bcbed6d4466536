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
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.providers.RetryingLanguageModel.Policy;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryingLanguageModelTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ApiKey KEY = new ApiKey("sk-ant-retry-key-3333");
    static final String OVERLOADED = AnthropicLanguageModelTests.OVERLOADED;

    LanguageModel anthropic;
    List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void setUp() {
        anthropic = Calls.model("anthropic", server.baseUrl());
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterWithinEachStep() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529).withBody(OVERLOADED)));
        Policy policy = new Policy(6, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5), true);
        double[] jitter = {0.0, 0.99, 0.0, 0.99, 0.0};
        int[] next = {0};
        var retrying = new RetryingLanguageModel(anthropic, policy, waits::add, () -> jitter[next[0]++]);

        assertThatThrownBy(() -> retrying.complete(Calls.text("claude-sonnet-4-5", KEY)))
                .isInstanceOf(LanguageModelException.Unavailable.class);

        assertThat(Calls.received(server)).hasSize(6);
        // Steps 1s, 2s, 4s, then capped at 5s; each wait is between half and all of its step.
        assertThat(waits).hasSize(5);
        assertThat(waits.get(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(1980), Duration.ofMillis(2000));
        assertThat(waits.get(2)).isEqualTo(Duration.ofMillis(2000));
        assertThat(waits.get(3)).isBetween(Duration.ofMillis(4950), Duration.ofMillis(5000));
        assertThat(waits.get(4)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsIsNotWaitedFor() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(429).withHeader("retry-after", "3600")
                .withBody("""
                        {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your organization's rate limit."}}""")));

        assertThatThrownBy(() -> Calls.retrying(anthropic, waits).complete(Calls.text("claude-sonnet-4-5", KEY)))
                .isInstanceOf(LanguageModelException.RateLimited.class)
                .satisfies(e -> assertThat(((LanguageModelException) e).retryAfter()).contains(Duration.ofHours(1)));
        assertThat(waits).isEmpty();
        assertThat(Calls.received(server)).hasSize(1);
    }

    @Test
    void aDroppedConnectionIsRetried() {
        server.stubFor(post("/v1/messages").inScenario("drop").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(post("/v1/messages").inScenario("drop").whenScenarioStateIs("ok")
                .willReturn(okJson(AnthropicLanguageModelTests.MESSAGE)));

        Completion completion = Calls.retrying(anthropic, waits).complete(Calls.text("claude-sonnet-4-5", KEY));

        assertThat(completion.text()).startsWith("The rain");
        assertThat(waits).hasSize(1);
    }

    @Test
    void aBrokenStreamIsStreamedAgainFromTheStart() {
        cutStream("cut", "ok");
        server.stubFor(post("/v1/messages").inScenario("cut").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "text/event-stream")
                        .withBody(Calls.sse(
                                """
                                {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":25,"output_tokens":1}}}""",
                                """
                                {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The rain."}}""",
                                """
                                {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":3}}""",
                                """
                                {"type":"message_stop"}"""))));
        List<String> deltas = new ArrayList<>();

        Completion completion = Calls.retrying(anthropic, waits).complete(
                Calls.streamed("claude-sonnet-4-5", KEY, deltas::add));

        assertThat(completion.text()).isEqualTo("The rain.");
        assertThat(deltas).containsExactly("The ra", "The rain.");
    }

    @Test
    void theWaitAnOverloadedOrUnavailableProviderAsksForIsHonoured() {
        server.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("unavailable")
                .willReturn(aResponse().withStatus(529).withHeader("retry-after", "7").withBody(OVERLOADED)));
        server.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs("unavailable").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(503).withHeader("retry-after", "3").withBody("upstream connect error")));
        server.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson(AnthropicLanguageModelTests.MESSAGE)));

        Completion completion = Calls.retrying(anthropic, waits).complete(Calls.text("claude-sonnet-4-5", KEY));

        assertThat(completion.text()).startsWith("The rain");
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(404).withBody("""
                {"type":"error","error":{"type":"not_found_error","message":"model: claude-nonesuch"}}""")));

        assertThatThrownBy(() -> Calls.retrying(anthropic, waits).complete(Calls.text("claude-nonesuch", KEY)))
                .isInstanceOf(LanguageModelException.BadRequest.class);
        assertThat(waits).isEmpty();
        assertThat(Calls.received(server)).hasSize(1);
    }

    @Test
    void anInterruptedCallerIsNotRetried() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529).withBody(OVERLOADED)));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Calls.retrying(anthropic, waits).complete(Calls.text("claude-sonnet-4-5", KEY)))
                    .isInstanceOf(LanguageModelException.Unavailable.class);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(waits).isEmpty();
        assertThat(Calls.received(server)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theWaitsOfOneCallStopAtTheTotalTheyMayTake() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(429).withHeader("retry-after", "20").withBody("""
                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}""")));
        Policy policy = new Policy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(50), true);

        assertThatThrownBy(() -> new RetryingLanguageModel(anthropic, policy, waits::add, () -> 0.5)
                .complete(Calls.text("claude-sonnet-4-5", KEY)))
                .isInstanceOf(LanguageModelException.RateLimited.class);

        assertThat(waits).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20));
        assertThat(Calls.received(server)).hasSize(3);
    }

    @Test
    void anInteractiveStreamThatShowedTextIsNotStartedAgainButOneThatShowedNothingIs() {
        server.stubFor(post("/v1/messages").inScenario("watched").whenScenarioStateIs(STARTED).willSetStateTo("cut")
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "1").withBody("""
                        {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}""")));
        server.stubFor(post("/v1/messages").inScenario("watched").whenScenarioStateIs("cut")
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "text/event-stream")
                        .withBody(Calls.sse("""
                                {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The ra"}}"""))));
        List<String> deltas = new ArrayList<>();
        var watched = new RetryingLanguageModel(anthropic, Policy.INTERACTIVE, waits::add, () -> 0.5);

        assertThatThrownBy(() -> watched.complete(Calls.streamed("claude-sonnet-4-5", KEY, deltas::add)))
                .isInstanceOf(LanguageModelException.Unavailable.class);

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(deltas).containsExactly("The ra");
        assertThat(Calls.received(server)).hasSize(2);
    }

    @Test
    void eachAttemptAfterTheFirstIsAnnouncedBeforeItIsSentWithTheFailureBeforeIt() {
        cutStream("announce", "busy");
        server.stubFor(post("/v1/messages").inScenario("announce").whenScenarioStateIs("busy").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(529).withBody(OVERLOADED)));
        server.stubFor(post("/v1/messages").inScenario("announce").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "text/event-stream")
                        .withBody(Calls.sse("""
                                {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The rain."}}""", """
                                {"type":"message_stop"}"""))));
        List<String> heard = new ArrayList<>();
        var request = Calls.streamed("claude-sonnet-4-5", KEY, delta -> heard.add("delta " + delta));
        request = new com.authorworks.engine.llm.CompletionRequest(request.model(), request.system(), request.messages(), request.temperature(),
                request.maxTokens(), request.output(), false, KEY, request.onDelta(), (provider, model, failure) ->
                heard.add("resending to " + provider + " " + model + " after " + failure.getClass().getSimpleName()
                        + " (" + Calls.received(server).size() + " sent)"));

        Calls.retrying(anthropic, waits).complete(request);

        assertThat(heard).containsExactly("delta The ra",
                "resending to anthropic claude-sonnet-4-5 after Unavailable (1 sent)",
                "resending to anthropic claude-sonnet-4-5 after Unavailable (2 sent)",
                "delta The rain.");
    }

    /** The scenario's first answer: a stream cut after "The ra", with no message_stop. */
    private static void cutStream(String scenario, String next) {
        server.stubFor(post("/v1/messages").inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo(next)
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "text/event-stream")
                        .withBody(Calls.sse("""
                                {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The ra"}}"""))));
    }

    @Test
    void theKeyNeverAppearsInARequestsDescription() {
        assertThat(Calls.text("claude-sonnet-4-5", KEY).toString())
                .doesNotContain(KEY.secret())
                .contains(KEY.hint());
    }
}
