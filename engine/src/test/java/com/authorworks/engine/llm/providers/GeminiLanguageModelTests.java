package com.authorworks.engine.llm.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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

class GeminiLanguageModelTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ApiKey KEY = new ApiKey("AIzaSy-secret-test-key-41be");
    static final String MODEL = "gemini-2.5-flash";
    static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
    static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";

    static final String RESPONSE = """
            {"candidates":[{"content":{"parts":[{"text":"The rain had stopped."}],"role":"model"},
                            "finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":2100,"candidatesTokenCount":6,"totalTokenCount":2130,
                              "cachedContentTokenCount":2048,"thoughtsTokenCount":24,
                              "promptTokensDetails":[{"modality":"TEXT","tokenCount":2100}]},
             "modelVersion":"gemini-2.5-flash","responseId":"mAitaLmkHPPlz7IPvtfUqQ4"}""";

    LanguageModel gemini;
    List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void setUp() {
        gemini = Calls.model("gemini", server.baseUrl());
    }

    @Test
    void sendsTheKeyHeaderAndSystemInstructionAndReportsCachedTokens() {
        server.stubFor(post(GENERATE).willReturn(okJson(RESPONSE)));

        Completion completion = gemini.complete(Calls.text(MODEL, KEY));

        assertThat(Calls.sentHeader(server, "x-goog-api-key")).isEqualTo(KEY.secret());
        assertThat(Calls.received(server).getLast().getRequest().getUrl()).doesNotContain("key=");
        JsonNode body = Calls.sentBody(server);
        assertThat(body.at("/systemInstruction/parts/0/text").asString()).isEqualTo("You are a careful novelist.");
        assertThat(body.at("/contents/0/role").asString()).isEqualTo("user");
        assertThat(body.at("/contents/0/parts/0/text").asString()).isEqualTo("Write one line.");
        assertThat(body.at("/generationConfig/temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(256);

        assertThat(completion.text()).isEqualTo("The rain had stopped.");
        assertThat(completion.provider()).isEqualTo("gemini");
        assertThat(completion.model()).isEqualTo("gemini-2.5-flash");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(completion.usage()).isEqualTo(new Usage(2100, 6 + 24, 2048, 0));
    }

    @Test
    void structuredOutputSendsTheJsonSchema() {
        server.stubFor(post(GENERATE).willReturn(okJson(RESPONSE.replace("The rain had stopped.",
                "{\\\"title\\\":\\\"Rain\\\",\\\"chapters\\\":[]}"))));

        Completion completion = gemini.complete(Calls.json(MODEL, KEY));

        JsonNode config = Calls.sentBody(server).get("generationConfig");
        assertThat(config.get("responseMimeType").asString()).isEqualTo("application/json");
        assertThat(config.get("responseJsonSchema")).isEqualTo(ProviderHttp.JSON.readTree(Calls.SCHEMA));
        assertThat(ProviderHttp.JSON.readTree(completion.text()).get("title").asString()).isEqualTo("Rain");
    }

    @Test
    void streamsServerSentChunksAndReadsUsageFromTheLast() {
        server.stubFor(post(urlEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(Calls.sse(
                        """
                        {"candidates":[{"content":{"parts":[{"text":"The rain"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":12,"totalTokenCount":12},"modelVersion":"gemini-2.5-flash"}""",
                        """
                        {"candidates":[{"content":{"parts":[{"text":" stopped."}],"role":"model"},"finishReason":"MAX_TOKENS","index":0}],"usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":4,"totalTokenCount":16},"modelVersion":"gemini-2.5-flash"}"""))));
        List<String> deltas = new ArrayList<>();

        Completion completion = gemini.complete(Calls.streamed(MODEL, KEY, deltas::add));

        assertThat(deltas).containsExactly("The rain", " stopped.");
        assertThat(completion.text()).isEqualTo("The rain stopped.");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(completion.usage()).isEqualTo(new Usage(12, 4, 0, 0));
    }

    @Test
    void streamEndingWithoutAFinishReasonIsUnavailable() {
        server.stubFor(post(urlEqualTo(STREAM)).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(Calls.sse("""
                        {"candidates":[{"content":{"parts":[{"text":"The rain"}],"role":"model"},"index":0}],"modelVersion":"gemini-2.5-flash"}"""))));

        assertThatThrownBy(() -> gemini.complete(Calls.streamed(MODEL, KEY, delta -> { })))
                .isInstanceOf(LanguageModelException.Unavailable.class);
    }

    @Test
    void invalidKeyReportedAsBadRequestIsStillInvalidKey() {
        server.stubFor(post(GENERATE).willReturn(aResponse().withStatus(400).withBody("""
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
                  "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID",
                              "domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}""")));

        assertThatThrownBy(() -> Calls.retrying(gemini, waits).complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.InvalidKey.class)
                .hasMessageNotContaining(KEY.secret());
        assertThat(Calls.received(server)).hasSize(1);
    }

    @Test
    void rateLimitWaitsForTheRetryInfoDelay() {
        server.stubFor(post(GENERATE).inScenario("quota").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withBody("""
                        {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","status":"RESOURCE_EXHAUSTED",
                          "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests","quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier"}]},
                                     {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}""")));
        server.stubFor(post(GENERATE).inScenario("quota").whenScenarioStateIs("ok").willReturn(okJson(RESPONSE)));

        Completion completion = Calls.retrying(gemini, waits).complete(Calls.text(MODEL, KEY));

        assertThat(completion.text()).isEqualTo("The rain had stopped.");
        assertThat(waits).containsExactly(Duration.ofSeconds(37));
    }

    @Test
    void aKeyEchoedInAnErrorIsMasked() {
        server.stubFor(post(GENERATE).willReturn(aResponse().withStatus(400).withBody("""
                {"error":{"code":400,"message":"Request with key AIzaSy-secret-test-key-41be has an invalid field generationConfig.foo","status":"INVALID_ARGUMENT"}}""")));

        assertThatThrownBy(() -> gemini.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.BadRequest.class)
                .hasMessageContaining("…41be has an invalid field")
                .hasMessageNotContaining(KEY.secret());
    }

    @Test
    void tooManyInputTokensIsContextTooLong() {
        server.stubFor(post(GENERATE).willReturn(aResponse().withStatus(400).withBody("""
                {"error":{"code":400,"message":"The input token count (1203456) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}}""")));

        assertThatThrownBy(() -> gemini.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.ContextTooLong.class);
    }

    @Test
    void unavailableModelIsRetryable() {
        server.stubFor(post(GENERATE).willReturn(aResponse().withStatus(503).withBody("""
                {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}""")));

        assertThatThrownBy(() -> gemini.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.Unavailable.class)
                .hasMessageContaining("overloaded")
                .matches(e -> ((LanguageModelException) e).retryable());
    }

    @Test
    void safetyBlockIsRefused() {
        server.stubFor(post(GENERATE).willReturn(okJson("""
                {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH"}]},
                 "usageMetadata":{"promptTokenCount":40,"totalTokenCount":40},"modelVersion":"gemini-2.5-flash"}""")));

        assertThatThrownBy(() -> gemini.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.Refused.class)
                .hasMessageContaining("SAFETY");
    }

    @Test
    void malformedJsonBodyIsBadRequest() {
        server.stubFor(post(GENERATE).willReturn(aResponse().withStatus(200).withBody("{\"candidates\":[")));

        assertThatThrownBy(() -> gemini.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.BadRequest.class);
    }
}
