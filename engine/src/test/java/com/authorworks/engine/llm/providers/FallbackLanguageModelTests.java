package com.authorworks.engine.llm.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.providers.FallbackLanguageModel.Route;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FallbackLanguageModelTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ApiKey ANTHROPIC_KEY = new ApiKey("sk-ant-primary-key-1111");
    static final ApiKey OPENAI_KEY = new ApiKey("sk-proj-fallback-key-2222");

    List<Duration> waits = new ArrayList<>();
    FallbackLanguageModel chain;

    @BeforeEach
    void setUp() {
        LanguageModel anthropic = Calls.retrying(Calls.model("anthropic", server.baseUrl()), waits);
        LanguageModel openai = Calls.retrying(Calls.model("openai", server.baseUrl() + "/v1"), waits);
        LanguageModel ollama = Calls.model("ollama", server.baseUrl());
        chain = new FallbackLanguageModel(anthropic, List.of(
                new Route(openai, "gpt-4o-mini", OPENAI_KEY),
                new Route(ollama, "llama3.2", null)));
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(OpenAiLanguageModelTests.COMPLETION)));
    }

    @Test
    void switchesToTheNextProviderOnceThePrimaryStaysOverloaded() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529)
                .withBody(AnthropicLanguageModelTests.OVERLOADED)));

        Completion completion = chain.complete(Calls.text("claude-sonnet-4-5", ANTHROPIC_KEY));

        assertThat(completion.provider()).isEqualTo("openai");
        assertThat(completion.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(completion.text()).isEqualTo("The rain had stopped.");
        assertThat(requestsTo("/v1/messages")).hasSize(RetryingLanguageModel.Policy.DEFAULT.maxAttempts());
        assertThat(Calls.sentBody(server).get("model").asString()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void everyAttemptAfterTheFirstIsAnnouncedRetriesAndTheFallbackAlike() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529)
                .withBody(AnthropicLanguageModelTests.OVERLOADED)));
        List<String> heard = new ArrayList<>();
        var plain = Calls.text("claude-sonnet-4-5", ANTHROPIC_KEY);
        var request = new com.authorworks.engine.llm.CompletionRequest(plain.model(), plain.system(), plain.messages(), plain.temperature(),
                plain.maxTokens(), plain.output(), false, ANTHROPIC_KEY, null, (provider, model, failure) -> heard.add(provider + " " + model));

        chain.complete(request);

        int retries = RetryingLanguageModel.Policy.DEFAULT.maxAttempts() - 1;
        assertThat(heard).hasSize(retries + 1);
        assertThat(heard.subList(0, retries)).containsOnly("anthropic claude-sonnet-4-5");
        assertThat(heard.getLast()).isEqualTo("openai gpt-4o-mini");
    }

    @Test
    void eachProviderGetsOnlyItsOwnKey() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529)
                .withBody(AnthropicLanguageModelTests.OVERLOADED)));

        chain.complete(Calls.text("claude-sonnet-4-5", ANTHROPIC_KEY));

        assertThat(requestsTo("/v1/messages")).allSatisfy(event ->
                assertThat(event.getRequest().getHeader("x-api-key")).isEqualTo(ANTHROPIC_KEY.secret()));
        assertThat(requestsTo("/v1/chat/completions")).singleElement().satisfies(event ->
                assertThat(event.getRequest().getHeader("authorization")).isEqualTo("Bearer " + OPENAI_KEY.secret()));
    }

    @Test
    void aPromptTooLongForThePrimaryGoesToTheNextModel() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(400).withBody("""
                {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 208310 tokens > 200000 maximum"}}""")));

        Completion completion = chain.complete(Calls.text("claude-sonnet-4-5", ANTHROPIC_KEY));

        assertThat(completion.provider()).isEqualTo("openai");
        assertThat(requestsTo("/v1/messages")).hasSize(1);
    }

    @Test
    void anInvalidPrimaryKeyFailsWithoutFallingBack() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401).withBody("""
                {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""")));

        assertThatThrownBy(() -> chain.complete(Calls.text("claude-sonnet-4-5", ANTHROPIC_KEY)))
                .isInstanceOf(LanguageModelException.InvalidKey.class)
                .extracting(e -> ((LanguageModelException) e).provider()).isEqualTo("anthropic");
        assertThat(requestsTo("/v1/chat/completions")).isEmpty();
    }

    @Test
    void walksTheWholeChainAndThrowsTheLastFailureWithTheEarlierOnesSuppressed() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529)
                .withBody(AnthropicLanguageModelTests.OVERLOADED)));
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500).withBody("""
                {"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}""")));
        server.stubFor(post("/api/chat").willReturn(aResponse().withStatus(500).withBody("""
                {"error":"llama runner process has terminated"}""")));

        assertThatThrownBy(() -> chain.complete(Calls.text("claude-sonnet-4-5", ANTHROPIC_KEY)))
                .isInstanceOf(LanguageModelException.Unavailable.class)
                .satisfies(e -> {
                    assertThat(((LanguageModelException) e).provider()).isEqualTo("ollama");
                    assertThat(e.getSuppressed()).singleElement()
                            .extracting(s -> ((LanguageModelException) s).provider()).isEqualTo("openai");
                    assertThat(e.getSuppressed()[0].getSuppressed()).singleElement()
                            .extracting(s -> ((LanguageModelException) s).provider()).isEqualTo("anthropic");
                });
        assertThat(requestsTo("/api/chat")).hasSize(1);
    }

    private static List<ServeEvent> requestsTo(String path) {
        return Calls.received(server).stream().filter(event -> event.getRequest().getUrl().equals(path)).toList();
    }
}
