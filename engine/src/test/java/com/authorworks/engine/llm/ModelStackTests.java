package com.authorworks.engine.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authorworks.engine.llm.providers.RetryingLanguageModel.Policy;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModelStackTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ApiKey KEY = new ApiKey("sk-ant-stack-key-5555");
    static final String MESSAGE = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"The rain had stopped."}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":21,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":6}}""";
    static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-5-mini-2025-08-07",
             "choices":[{"index":0,"message":{"role":"assistant","content":"The rain had stopped.","refusal":null},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":21,"completion_tokens":6,"total_tokens":27}}""";
    static final String OVERLOADED = """
            {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""";

    static CompletionRequest request() {
        return new CompletionRequest("claude-sonnet-4-5", "Be brief.", List.of(Message.user("One line.")), 0.7, 64,
                OutputFormat.text(), false, KEY, null);
    }

    URI base() {
        return URI.create(server.baseUrl());
    }

    @Test
    void theStackRetriesARateLimitAndAnOutageAsTheProviderAsksThenAnswers() {
        server.stubFor(post("/v1/messages").inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("down")
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "1").withBody("""
                        {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}""")));
        server.stubFor(post("/v1/messages").inScenario("flaky").whenScenarioStateIs("down").willSetStateTo("up")
                .willReturn(aResponse().withStatus(503).withHeader("retry-after", "0").withBody("unavailable")));
        server.stubFor(post("/v1/messages").inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(MESSAGE)));
        long started = System.nanoTime();

        Completion answer = ModelStack.create("anthropic", base(), ModelStack.Limits.GENERATION).complete(request());

        assertThat(answer.text()).isEqualTo("The rain had stopped.");
        server.verify(3, postRequestedFor(urlEqualTo("/v1/messages")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited the second the 429 asked for").isGreaterThan(Duration.ofMillis(950));
    }

    @Test
    void aCallThatOutlastsItsTimeoutFailsAndIsRetriedWithinItsBounds() {
        server.stubFor(post("/v1/messages").willReturn(okJson(MESSAGE).withFixedDelay(1_500)));
        var impatient = new ModelStack.Limits(Duration.ofMillis(300),
                new Policy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(1), true));

        assertThatThrownBy(() -> ModelStack.create("anthropic", base(), impatient).complete(request()))
                .isInstanceOf(LanguageModelException.Unavailable.class).hasMessageContaining("did not answer within 300 ms");
        server.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void whenThePrimaryStaysOverloadedTheFallbackAnswersWithItsOwnModelAndKey() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529).withBody(OVERLOADED)));
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(COMPLETION)));
        var quick = new ModelStack.Limits(Duration.ofSeconds(5),
                new Policy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(1), true));
        var openAiKey = new ApiKey("sk-proj-fallback-6666");

        Completion answer = ModelStack.create("anthropic", base(), quick,
                List.of(new ModelStack.Fallback("openai", URI.create(server.baseUrl() + "/v1"), "gpt-5-mini", openAiKey)))
                .complete(request());

        assertThat(answer.provider()).isEqualTo("openai");
        assertThat(answer.model()).isEqualTo("gpt-5-mini-2025-08-07");
        server.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + openAiKey.secret())));
    }

    @Test
    void anUnknownProviderIsRefused() {
        assertThatThrownBy(() -> ModelStack.create("acme", null, ModelStack.Limits.GENERATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown provider 'acme'");
    }
}
