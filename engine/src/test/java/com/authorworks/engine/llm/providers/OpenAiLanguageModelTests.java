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

class OpenAiLanguageModelTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ApiKey KEY = new ApiKey("sk-proj-secret-test-key-77c1");
    static final String MODEL = "gpt-4o-mini";
    static final String PATH = "/v1/chat/completions";

    static final String COMPLETION = """
            {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
             "model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"The rain had stopped.","refusal":null,"annotations":[]},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1219,"completion_tokens":6,"total_tokens":1225,
                      "prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0}},
             "service_tier":"default"}""";

    LanguageModel openai;
    List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void setUp() {
        openai = Calls.model("openai", server.baseUrl() + "/v1");
    }

    @Test
    void sendsABearerKeyAndReportsCachedPromptTokens() {
        server.stubFor(post(PATH).willReturn(okJson(COMPLETION)));

        Completion completion = openai.complete(Calls.text(MODEL, KEY));

        assertThat(Calls.sentHeader(server, "authorization")).isEqualTo("Bearer " + KEY.secret());
        JsonNode body = Calls.sentBody(server);
        assertThat(body.get("model").asString()).isEqualTo(MODEL);
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asString()).isEqualTo("You are a careful novelist.");
        assertThat(body.at("/messages/1/role").asString()).isEqualTo("user");
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(256);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.has("stream")).isFalse();

        assertThat(completion.text()).isEqualTo("The rain had stopped.");
        assertThat(completion.provider()).isEqualTo("openai");
        assertThat(completion.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(completion.usage()).isEqualTo(new Usage(1219, 6, 1024, 0));
    }

    @Test
    void structuredOutputSendsAStrictJsonSchemaResponseFormat() {
        server.stubFor(post(PATH).willReturn(okJson(COMPLETION.replace("The rain had stopped.",
                "{\\\"title\\\":\\\"Rain\\\",\\\"chapters\\\":[\\\"Storm\\\"]}"))));

        Completion completion = openai.complete(Calls.json(MODEL, KEY));

        JsonNode format = Calls.sentBody(server).get("response_format");
        assertThat(format.get("type").asString()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asString()).isEqualTo("outline");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema")).isEqualTo(ProviderHttp.JSON.readTree(Calls.SCHEMA));
        assertThat(ProviderHttp.JSON.readTree(completion.text()).get("title").asString()).isEqualTo("Rain");
    }

    @Test
    void streamsDeltasAndReadsUsageFromTheLastChunk() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(Calls.sse(
                        """
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}""",
                        """
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":"The rain"},"finish_reason":null}],"usage":null}""",
                        """
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":" stopped."},"finish_reason":null}],"usage":null}""",
                        """
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{},"finish_reason":"length"}],"usage":null}""",
                        """
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[],"usage":{"prompt_tokens":1300,"completion_tokens":4,"total_tokens":1304,"prompt_tokens_details":{"cached_tokens":1280}}}""")
                        + "data: [DONE]\n\n")));
        List<String> deltas = new ArrayList<>();

        Completion completion = openai.complete(Calls.streamed(MODEL, KEY, deltas::add));

        JsonNode body = Calls.sentBody(server);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(deltas).containsExactly("The rain", " stopped.");
        assertThat(completion.text()).isEqualTo("The rain stopped.");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(completion.usage()).isEqualTo(new Usage(1300, 4, 1280, 0));
    }

    @Test
    void streamWithoutDoneIsUnavailable() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(Calls.sse("""
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"The rain"},"finish_reason":null}]}""")
                        + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.comp")));

        assertThatThrownBy(() -> openai.complete(Calls.streamed(MODEL, KEY, delta -> { })))
                .isInstanceOf(LanguageModelException.Unavailable.class);
    }

    @Test
    void rejectedKeyIsInvalidKeyAndTheEchoedKeyIsNotRepeated() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withBody("""
                {"error":{"message":"Incorrect API key provided: sk-proj-secret-test-key-77c1. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""")));

        assertThatThrownBy(() -> Calls.retrying(openai, waits).complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.InvalidKey.class)
                .hasMessageNotContaining(KEY.secret())
                .hasMessageNotContaining("secret-test");
        assertThat(Calls.received(server)).hasSize(1);
    }

    @Test
    void exhaustedQuotaFailsFastAsInvalidKey() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withBody("""
                {"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""")));

        assertThatThrownBy(() -> Calls.retrying(openai, waits).complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.InvalidKey.class)
                .hasMessageContaining("no quota");
        assertThat(waits).isEmpty();
    }

    @Test
    void rateLimitHonoursRetryAfterMilliseconds() {
        server.stubFor(post(PATH).inScenario("limit").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "456").withBody("""
                        {"error":{"message":"Rate limit reached for gpt-4o-mini on tokens per min (TPM). Please try again in 456ms.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}""")));
        server.stubFor(post(PATH).inScenario("limit").whenScenarioStateIs("ok").willReturn(okJson(COMPLETION)));

        Completion completion = Calls.retrying(openai, waits).complete(Calls.text(MODEL, KEY));

        assertThat(completion.text()).isEqualTo("The rain had stopped.");
        assertThat(waits).containsExactly(Duration.ofMillis(456));
    }

    @Test
    void contextLengthExceededIsContextTooLong() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("""
                {"error":{"message":"This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}""")));

        assertThatThrownBy(() -> Calls.retrying(openai, waits).complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.ContextTooLong.class)
                .hasMessageContaining("128000");
        assertThat(Calls.received(server)).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedUntilTheAttemptsRunOut() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withBody("""
                {"error":{"message":"The server is overloaded or not ready yet.","type":"server_error","param":null,"code":null}}""")));

        assertThatThrownBy(() -> Calls.retrying(openai, waits).complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.Unavailable.class);
        assertThat(Calls.received(server)).hasSize(RetryingLanguageModel.Policy.DEFAULT.maxAttempts());
        // Equal jitter at 0.5: three quarters of 1s, 2s and 4s.
        assertThat(waits).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500), Duration.ofMillis(3000));
    }

    @Test
    void malformedJsonBodyIsBadRequest() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withBody("{\"choices\":[{\"message\":")));

        assertThatThrownBy(() -> openai.complete(Calls.text(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.BadRequest.class);
    }

    @Test
    void refusalIsRefused() {
        server.stubFor(post(PATH).willReturn(okJson("""
                {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I'm sorry, I can't help with that."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":9,"total_tokens":39}}""")));

        assertThatThrownBy(() -> openai.complete(Calls.json(MODEL, KEY)))
                .isInstanceOf(LanguageModelException.Refused.class)
                .hasMessageContaining("can't help");
    }

    @Test
    void compatibleServerGetsMaxTokensAndNoKeyWhenNoneIsGiven() {
        server.stubFor(post(PATH).willReturn(okJson(COMPLETION.replace("gpt-4o-mini-2024-07-18", "qwen2.5-7b-instruct"))));
        LanguageModel local = Calls.model("openai-compatible", server.baseUrl() + "/v1");

        Completion completion = local.complete(Calls.text("qwen2.5-7b-instruct", null));

        assertThat(Calls.sentHeader(server, "authorization")).isNull();
        JsonNode body = Calls.sentBody(server);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(completion.provider()).isEqualTo("openai-compatible");
        assertThat(completion.model()).isEqualTo("qwen2.5-7b-instruct");
    }

    @Test
    void routerWithoutCreditFailsFastAsInvalidKey() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(402).withBody("""
                {"error":{"code":402,"message":"Insufficient credits. Add more using https://openrouter.ai/settings/credits"}}""")));
        LanguageModel router = Calls.model("openai-compatible", server.baseUrl() + "/v1");

        assertThatThrownBy(() -> Calls.retrying(router, waits).complete(Calls.text("anthropic/claude-sonnet-4.5", KEY)))
                .isInstanceOf(LanguageModelException.InvalidKey.class)
                .hasMessageContaining("no credit");
        assertThat(waits).isEmpty();
    }

    @Test
    void anErrorSentInsideTheStreamIsTyped() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream").withBody(": OPENROUTER PROCESSING\n\n" + Calls.sse(
                        """
                        {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4.5","choices":[{"index":0,"delta":{"content":"The"},"finish_reason":null}]}""",
                        """
                        {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4.5","error":{"code":"server_error","message":"Provider disconnected"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}"""))));
        LanguageModel router = Calls.model("openai-compatible", server.baseUrl() + "/v1");

        assertThatThrownBy(() -> router.complete(Calls.streamed("anthropic/claude-sonnet-4.5", KEY, delta -> { })))
                .isInstanceOf(LanguageModelException.Unavailable.class)
                .hasMessageContaining("Provider disconnected");
    }

    @Test
    void compatibleServerListsItsModelsWithTheOptionalKey() {
        // the shape of GET /v1/models as llama.cpp, vLLM and OpenRouter answer it
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models").willReturn(okJson("""
                {"object":"list","data":[{"id":"qwen2.5-7b-instruct","object":"model","created":1730000000,"owned_by":"vllm"},
                 {"id":"meta-llama/llama-3.1-8b-instruct","object":"model","owned_by":"meta"},
                 {"id":"qwen2.5-7b-instruct","object":"model"}]}""")));
        var settings = new com.authorworks.engine.llm.ProviderSettings("openai-compatible", java.net.URI.create(server.baseUrl() + "/v1"), null);

        assertThat(com.authorworks.engine.llm.LanguageModels.models(settings, null))
                .contains(java.util.List.of("meta-llama/llama-3.1-8b-instruct", "qwen2.5-7b-instruct"));
        assertThat(Calls.sentHeader(server, "authorization")).isNull();

        com.authorworks.engine.llm.LanguageModels.models(settings, new com.authorworks.engine.llm.ApiKey("sk-or-v1-router-key"));
        assertThat(Calls.sentHeader(server, "authorization")).isEqualTo("Bearer sk-or-v1-router-key");
    }

    @Test
    void aRefusedKeyWhileListingModelsIsInvalidKey() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models").willReturn(aResponse().withStatus(401)
                .withHeader("content-type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-wrong\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        var settings = new com.authorworks.engine.llm.ProviderSettings("openai-compatible", java.net.URI.create(server.baseUrl() + "/v1"), null);

        assertThatThrownBy(() -> com.authorworks.engine.llm.LanguageModels.models(settings, new com.authorworks.engine.llm.ApiKey("sk-wrong")))
                .isInstanceOf(LanguageModelException.InvalidKey.class);
    }

    @Test
    void compatibleServerNeedsABaseUrl() {
        assertThatThrownBy(() -> com.authorworks.engine.llm.LanguageModels.create(
                com.authorworks.engine.llm.ProviderSettings.of("openai-compatible")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base URL");
    }
}
