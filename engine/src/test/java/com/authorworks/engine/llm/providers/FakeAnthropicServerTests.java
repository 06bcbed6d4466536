package com.authorworks.engine.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.authorworks.engine.internal.TokenCounter;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.engine.sample.SampleLanguageModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmark's model server is only worth its numbers if the real adapter reads it like Anthropic. */
class FakeAnthropicServerTests {

    static final ApiKey KEY = new ApiKey("sk-ant-fake-0000");
    static final String LONG_SYSTEM = "You write novels. ".repeat(400);

    final FakeAnthropicServer server = new FakeAnthropicServer(new SampleLanguageModel(7), 50_000, Duration.ZERO);
    final LanguageModel anthropic = LanguageModels.create(new ProviderSettings("anthropic", server.baseUrl(), Duration.ofSeconds(10)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streamsTheWritersTextAndCountsEveryInputToken() {
        List<String> pieces = new ArrayList<>();
        // slow enough (about 1.6 s for this answer) that the text arrives in several pieces even on a busy machine
        FakeAnthropicServer paced = new FakeAnthropicServer(new SampleLanguageModel(7), 100, Duration.ZERO);
        Completion answer;
        try (paced) {
            answer = LanguageModels.create(new ProviderSettings("anthropic", paced.baseUrl(), Duration.ofSeconds(10))).complete(new CompletionRequest("claude-sonnet-4-5", "Be brief.",
                List.of(Message.user("Write about 120 words.")), 0.7, 1000, OutputFormat.text(), false, KEY, pieces::add));
        }

        assertThat(answer.text()).startsWith(SampleLanguageModel.MARKER).isEqualTo(String.join("", pieces));
        assertThat(pieces.size()).isGreaterThan(1);
        assertThat(answer.usage().outputTokens()).isEqualTo(TokenCounter.count(answer.text()));
        assertThat(answer.usage().inputTokens()).isEqualTo(TokenCounter.count("Be brief.") + TokenCounter.count("user:Write about 120 words."));
        assertThat(answer.usage().cacheReadTokens()).isZero();
        assertThat(answer.usage().cacheWriteTokens()).isZero();
    }

    @Test
    void writesTheCachedPrefixOnceThenReadsIt() {
        Completion first = anthropic.complete(cached("claude-sonnet-4-5", LONG_SYSTEM, "Scene one."));
        Completion second = anthropic.complete(cached("claude-sonnet-4-5-20250929", LONG_SYSTEM, "Scene one."));
        Completion third = anthropic.complete(cached("claude-sonnet-4-5", LONG_SYSTEM, "Scene two, longer than the first."));

        long system = TokenCounter.count(LONG_SYSTEM);
        assertThat(first.usage().cacheWriteTokens()).isEqualTo(system);
        assertThat(first.usage().cacheReadTokens()).isZero();
        assertThat(second.usage().cacheWriteTokens()).as("another model id has its own cache").isEqualTo(system);
        assertThat(third.usage().cacheReadTokens()).isEqualTo(system);
        assertThat(third.usage().cacheWriteTokens()).isZero();
        assertThat(third.usage().inputTokens()).isEqualTo(system + TokenCounter.count("user:Scene two, longer than the first."));
    }

    @Test
    void doesNotCachePrefixesShorterThanTheModelsMinimum() {
        String medium = "You write novels. ".repeat(300);
        assertThat(TokenCounter.count(medium)).isBetween(1024, 4095);

        anthropic.complete(cached("claude-haiku-4-5", medium, "One."));
        Completion haiku = anthropic.complete(cached("claude-haiku-4-5", medium, "Two."));
        anthropic.complete(cached("claude-sonnet-4-5", "Short system.", "One."));
        Completion shortPrefix = anthropic.complete(cached("claude-sonnet-4-5", "Short system.", "Two."));

        assertThat(haiku.usage().cacheReadTokens() + haiku.usage().cacheWriteTokens()).isZero();
        assertThat(shortPrefix.usage().cacheReadTokens() + shortPrefix.usage().cacheWriteTokens()).isZero();
    }

    @Test
    void answersAForcedToolWithSchemaValidJsonAndCountsTheToolUseOverhead() {
        String schema = """
                {"type":"object","properties":{"summary":{"type":"string"}},"required":["summary"],"additionalProperties":false}""";
        Completion answer = anthropic.complete(new CompletionRequest("claude-haiku-4-5", "Keep the ledger.",
                List.of(Message.user("Summarise.")), 0.4, 2000, OutputFormat.json("scene_memory", schema), true, KEY, s -> { }));

        assertThat(answer.text()).startsWith("{\"summary\":\"[Sample]");
        assertThat(answer.usage().inputTokens()).isGreaterThan(FakeAnthropicServer.TOOL_USE_SYSTEM_TOKENS
                + TokenCounter.count(schema));
    }

    @Test
    void cutsTheAnswerAtMaxTokens() {
        Completion answer = anthropic.complete(new CompletionRequest("claude-sonnet-4-5", "Be long.",
                List.of(Message.user("Write about 400 words.")), 0.7, 50, OutputFormat.text(), false, KEY, s -> { }));

        assertThat(answer.usage().outputTokens()).isEqualTo(50);
        assertThat(answer.finishReason()).isEqualTo(Completion.FinishReason.MAX_TOKENS);
    }

    private static CompletionRequest cached(String model, String system, String user) {
        return new CompletionRequest(model, system, List.of(Message.user(user)), 0.7, 400, OutputFormat.text(), true, KEY, s -> { });
    }
}
