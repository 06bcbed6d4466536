package com.authorworks.engine.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.engine.standin.FactScorer;
import com.authorworks.engine.standin.Faults;
import com.authorworks.engine.standin.PlantedFact;
import com.authorworks.engine.standin.RealisticModelServer;
import com.authorworks.engine.standin.ServedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The stand-in provider through the engine's real adapters and plain HTTP: usage and prefix caching,
 * cuts at max_tokens, context refusals, every fault, planted facts and their extraction, determinism.
 */
class RealisticModelServerIntegrationTests {

    private static final ApiKey KEY = new ApiKey("sk-standin-test");
    private static final String CAST_SCHEMA = """
            {"type":"object","properties":{"characters":{"type":"array","minItems":3,"maxItems":3,"items":{"type":"object",
            "properties":{"name":{"type":"string"},"aliases":{"type":"array","items":{"type":"string"},"minItems":0,"maxItems":2},
            "role":{"type":"string"},"description":{"type":"string"},"goal":{"type":"string"}},
            "required":["name","aliases","role","description","goal"],"additionalProperties":false}}},
            "required":["characters"],"additionalProperties":false}""";
    private static final String MEMORY_SCHEMA = """
            {"type":"object","properties":{"summary":{"type":"string"},"facts":{"type":"array","minItems":0,"maxItems":3,
            "items":{"type":"object","properties":{"subject":{"type":"string"},"kind":{"type":"string","enum":["CHARACTER","PLACE","OBJECT"]},
            "attribute":{"type":"string"},"value":{"type":"string"}},"required":["subject","kind","attribute","value"],
            "additionalProperties":false}}},"required":["summary","facts"],"additionalProperties":false}""";
    private static final String LONG_SYSTEM = "You are a careful writer. " + "Keep every detail consistent with what came before. ".repeat(250);

    private static LanguageModel openAi(RealisticModelServer server) {
        return LanguageModels.create(new ProviderSettings("openai-compatible", server.openAiBaseUrl(), Duration.ofSeconds(20)));
    }

    private static LanguageModel anthropic(RealisticModelServer server) {
        return LanguageModels.create(new ProviderSettings("anthropic", server.baseUrl(), Duration.ofSeconds(20)));
    }

    private static CompletionRequest text(String model, String system, String user, int maxTokens) {
        return new CompletionRequest(model, system, List.of(Message.user(user)), 0.7, maxTokens, OutputFormat.text(), true, KEY, piece -> { });
    }

    private static CompletionRequest json(String model, String user, String name, String schema, int maxTokens) {
        return new CompletionRequest(model, "Answer with JSON.", List.of(Message.user(user)), 0.4, maxTokens, OutputFormat.json(name, schema),
                false, KEY, piece -> { });
    }

    private static List<String> castNames(Completion cast) {
        List<String> names = new ArrayList<>();
        JsonNode tree = ProviderHttp.JSON.readTree(cast.text());
        tree.path("characters").forEach(c -> names.add(c.path("name").asString()));
        return names;
    }

    @Test
    void openAiStreamsProseWithUsageAndCutsAtMaxTokensWithLength() {
        try (var server = RealisticModelServer.builder().seed(7).start()) {
            Completion whole = openAi(server).complete(text("gpt-4o-mini", "You write fiction.", "Write about 300 words.", 4_000));
            Completion cut = openAi(server).complete(text("gpt-4o-mini", "You write fiction.", "Write about 900 words.", 60));

            assertThat(whole.finishReason()).isEqualTo(Completion.FinishReason.STOP);
            int words = whole.text().split("\\s+").length;
            assertThat(words).isBetween(285, 390);
            assertThat(whole.usage().inputTokens()).isPositive();
            assertThat(whole.usage().outputTokens()).isEqualTo(server.requests().getFirst().outputTokens());
            assertThat(cut.finishReason()).isEqualTo(Completion.FinishReason.MAX_TOKENS);
            assertThat(cut.usage().outputTokens()).isEqualTo(60);
            assertThat(server.requests().get(1).stopReason()).isEqualTo("length");
        }
    }

    @Test
    void openAiReportsCachedTokensIn128TokenStepsOfTheLongestPrefixSeen() {
        try (var server = RealisticModelServer.builder().start()) {
            Completion first = openAi(server).complete(text("gpt-4o-mini", LONG_SYSTEM, "Write about 50 words.", 500));
            Completion second = openAi(server).complete(text("gpt-4o-mini", LONG_SYSTEM, "Write about 60 words, please.", 500));
            Completion shortOne = openAi(server).complete(text("gpt-4o-mini", "Short.", "Write about 60 words.", 500));

            assertThat(first.usage().cacheReadTokens()).isZero();
            assertThat(second.usage().cacheReadTokens()).isGreaterThanOrEqualTo(1024).isLessThan(second.usage().inputTokens());
            assertThat((second.usage().cacheReadTokens() - 1024) % 128).isZero();
            assertThat(second.usage().inputTokens() - second.usage().cacheReadTokens()).isLessThan(128 + 40);
            assertThat(shortOne.usage().cacheReadTokens()).isZero();
        }
    }

    @Test
    void anthropicCachesTheBreakpointPrefixAboveTheModelsMinimumOnly() {
        try (var server = RealisticModelServer.builder().start()) {
            Completion write = anthropic(server).complete(text("claude-sonnet-4-5", LONG_SYSTEM, "Write about 40 words.", 500));
            Completion read = anthropic(server).complete(text("claude-sonnet-4-5", LONG_SYSTEM, "Write about 50 words.", 500));
            Completion haiku = anthropic(server).complete(text("claude-haiku-4-5", LONG_SYSTEM, "Write about 50 words.", 500));

            assertThat(write.usage().cacheWriteTokens()).isGreaterThan(1024);
            assertThat(write.usage().cacheReadTokens()).isZero();
            assertThat(read.usage().cacheReadTokens()).isEqualTo(write.usage().cacheWriteTokens());
            assertThat(read.usage().cacheWriteTokens()).isZero();
            assertThat(write.finishReason()).isEqualTo(Completion.FinishReason.STOP);
            // under Haiku 4.5's 4,096-token minimum nothing is cached
            assertThat(haiku.usage().cacheWriteTokens() + haiku.usage().cacheReadTokens()).isZero();
        }
    }

    @Test
    void askedToShortenATextItRestatesItsFactsAndInventsNone() {
        try (var server = RealisticModelServer.builder().seed(13).start()) {
            Completion cast = openAi(server).complete(json("gpt-4o-mini", "Create the cast.", "cast", CAST_SCHEMA, 4_000));
            List<String> names = castNames(cast);
            Completion scene = openAi(server).complete(text("gpt-4o-mini", "You write fiction.", "Characters present: " + String.join(", ", names)
                    + "\nWrite about 400 words.", 4_000));
            int planted = server.facts().size();

            Completion shorter = openAi(server).complete(text("gpt-4o-mini", "You keep the story's records.",
                    "Shorten this summary to at most 60 words.\n\n" + scene.text(), 400));

            assertThat(server.facts()).as("nothing new planted").hasSize(planted);
            List<PlantedFact> ofScene = server.factsOf(server.requests().get(1).id());
            assertThat(FactScorer.recall(shorter.text(), ofScene)).isEqualTo(1.0);
        }
    }

    @Test
    void askedForAScriptInFountainItMostlyWritesFountainAndWhenToldItAnsweredProseWritesItAgainInFountain() {
        try (var server = RealisticModelServer.builder().seed(17).start()) {
            Completion cast = openAi(server).complete(json("gpt-4o-mini", "Create the cast.", "cast", CAST_SCHEMA, 4_000));
            List<String> names = castNames(cast);
            String system = "You write screenplays in Fountain.";
            int fountain = 0;
            int prose = 0;
            Completion told = null;
            for (int i = 0; i < 20; i++) {
                String task = "Scene " + (i + 1) + ".\nCharacters present: " + String.join(", ", names) + "\nWrite about 300 words.";
                Completion scene = openAi(server).complete(text("gpt-4o-mini", system, task, 4_000));
                List<String> problems = com.authorworks.engine.internal.ScriptChecks.problems(com.authorworks.engine.Format.SCREENPLAY,
                        com.authorworks.engine.internal.ScriptChecks.Frame.NONE, scene.text());
                if (problems.isEmpty()) {
                    fountain++;
                } else {
                    prose++;
                    if (told == null) {
                        told = openAi(server).complete(new CompletionRequest("gpt-4o-mini", system, List.of(Message.user(task),
                                Message.assistant(scene.text()), Message.user("That is not a screenplay scene in Fountain:\n- "
                                        + String.join("\n- ", problems) + "\nWrite the whole scene again.")), 0.7, 4_000, OutputFormat.text(), true,
                                KEY, piece -> { }));
                    }
                }
            }
            assertThat(fountain).isGreaterThan(prose);
            assertThat(prose).as("sometimes prose all the same").isPositive();
            assertThat(com.authorworks.engine.internal.ScriptChecks.problems(com.authorworks.engine.Format.SCREENPLAY,
                    com.authorworks.engine.internal.ScriptChecks.Frame.NONE, told.text())).isEmpty();
            assertThat(server.factsOf(server.requests().getLast().id())).as("its action lines establish facts").isNotEmpty();
        }
    }

    @Test
    void prosePlantsOneFactPerParagraphAboutTheCastAndExtractionReportsThemAll() {
        try (var server = RealisticModelServer.builder().seed(11).start()) {
            Completion cast = anthropic(server).complete(json("claude-sonnet-4-5", "Create the cast.", "cast", CAST_SCHEMA, 4_000));
            List<String> names = castNames(cast);
            assertThat(names).hasSize(3).doesNotHaveDuplicates();
            List<PlantedFact> traits = server.facts();
            assertThat(traits).extracting(PlantedFact::subject).containsAll(names);
            assertThat(FactScorer.recall(cast.text(), traits)).isEqualTo(1.0);

            Completion scene = anthropic(server).complete(text("claude-sonnet-4-5", "You write fiction.", "Scene 1.\nPOV: " + names.get(0)
                    + "\nCharacters present: " + names.get(0) + ", " + names.get(1) + "\nWrite about 600 words.", 4_000));
            String sceneId = server.requests().getLast().id();
            List<PlantedFact> planted = server.factsOf(sceneId);
            String[] paragraphs = scene.text().split("\n\n");
            assertThat(planted).hasSize(paragraphs.length);
            for (int i = 0; i < paragraphs.length; i++) {
                assertThat(paragraphs[i]).contains(planted.get(i).sentence()).contains(planted.get(i).token());
            }
            assertThat(planted).extracting(PlantedFact::token).doesNotHaveDuplicates();
            assertThat(planted).allMatch(f -> names.contains(f.subject()) || !f.kind().equals("CHARACTER"));

            // Anthropic's tool input does not hold maxItems: every fact the scene established comes back
            Completion memory = anthropic(server).complete(json("claude-haiku-4-5", "Scene text:\n" + scene.text(), "memory", MEMORY_SCHEMA,
                    8_000));
            JsonNode answer = ProviderHttp.JSON.readTree(memory.text());
            List<String> reported = new ArrayList<>();
            answer.path("facts").forEach(f -> reported.add(f.path("value").asString()));
            assertThat(reported).hasSize(planted.size());
            assertThat(FactScorer.recall(String.join("\n", reported), planted)).isEqualTo(1.0);
            assertThat(FactScorer.recall(answer.path("summary").asString(), planted)).isEqualTo(1.0);

            // OpenAI's strict mode holds maxItems (newest first); the summary still restates everything
            Completion strict = openAi(server).complete(json("gpt-4o-mini", "Scene text:\n" + scene.text(), "memory", MEMORY_SCHEMA, 8_000));
            JsonNode strictAnswer = ProviderHttp.JSON.readTree(strict.text());
            assertThat(strictAnswer.path("facts").size()).isEqualTo(Math.min(3, planted.size()));
            assertThat(strictAnswer.path("facts").get(0).path("value").asString()).isEqualTo(planted.getLast().value());
            assertThat(FactScorer.recall(strictAnswer.path("summary").asString(), planted)).isEqualTo(1.0);
        }
    }

    @Test
    void aRamblingExtractionIsCutAtMaxTokensAndItsJsonBreaks() {
        try (var server = RealisticModelServer.builder().seed(3).start()) {
            anthropic(server).complete(json("claude-sonnet-4-5", "Create the cast.", "cast", CAST_SCHEMA, 4_000));
            String names = String.join(", ", server.facts().stream().map(PlantedFact::subject).distinct().toList());
            Completion scene = anthropic(server).complete(text("claude-sonnet-4-5", "", "Characters present: " + names
                    + "\nWrite about 1500 words.", 8_000));

            Completion memory = anthropic(server).complete(json("claude-haiku-4-5", "Scene text:\n" + scene.text(), "memory", MEMORY_SCHEMA,
                    200));

            assertThat(memory.finishReason()).isEqualTo(Completion.FinishReason.MAX_TOKENS);
            assertThat(memory.usage().outputTokens()).isEqualTo(200);
            assertThat(server.requests().getLast().stopReason()).isEqualTo("max_tokens");
            assertThatThrownBy(() -> ProviderHttp.JSON.readTree(memory.text())).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aPromptOverTheContextWindowIsRefusedWithEachProvidersError() throws Exception {
        try (var server = RealisticModelServer.builder().contextWindow("gpt-4o-mini", 2_000).contextWindow("claude-", 2_000).start()) {
            String huge = "word ".repeat(3_000);
            assertThatThrownBy(() -> openAi(server).complete(text("gpt-4o-mini", "", huge, 100)))
                    .isInstanceOf(LanguageModelException.ContextTooLong.class);
            assertThatThrownBy(() -> anthropic(server).complete(text("claude-sonnet-4-5", "", huge, 100)))
                    .isInstanceOf(LanguageModelException.ContextTooLong.class);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> openAiAnswer = http.send(HttpRequest.newBuilder(URI.create(server.openAiBaseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"" + huge + "\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(openAiAnswer.statusCode()).isEqualTo(400);
            JsonNode error = ProviderHttp.JSON.readTree(openAiAnswer.body()).path("error");
            assertThat(error.path("code").asString()).isEqualTo("context_length_exceeded");
            assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.path("message").asString()).startsWith("This model's maximum context length is 2000 tokens.");

            HttpResponse<String> anthropicAnswer = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/messages"))
                    .header("x-api-key", "k").POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"" + huge + "\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anthropicAnswer.statusCode()).isEqualTo(400);
            JsonNode body = ProviderHttp.JSON.readTree(anthropicAnswer.body());
            assertThat(body.path("type").asString()).isEqualTo("error");
            assertThat(body.path("error").path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(body.path("error").path("message").asString()).matches("prompt is too long: \\d+ tokens > 2000 maximum");
        }
    }

    @Test
    void anOpenAiStreamEndsWithAUsageChunkWithoutChoicesThenDone() throws Exception {
        try (var server = RealisticModelServer.builder().start()) {
            String body = "{\"model\":\"gpt-4o-mini\",\"max_completion_tokens\":30,\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Write about 200 words.\"}]}";
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.openAiBaseUrl()
                    + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            List<String> events = answer.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();

            assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
            assertThat(events.getLast()).isEqualTo("[DONE]");
            JsonNode usage = ProviderHttp.JSON.readTree(events.get(events.size() - 2));
            assertThat(usage.path("choices").isEmpty()).isTrue();
            assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(30);
            assertThat(usage.path("usage").path("prompt_tokens_details").has("cached_tokens")).isTrue();
            JsonNode finish = ProviderHttp.JSON.readTree(events.get(events.size() - 3));
            assertThat(finish.path("choices").get(0).path("finish_reason").asString()).isEqualTo("length");
            assertThat(ProviderHttp.JSON.readTree(events.getFirst()).path("choices").get(0).path("delta").path("role").asString())
                    .isEqualTo("assistant");
        }
    }

    @Test
    void anAnthropicForcedToolAnswerStreamsAsInputJsonDeltasBetweenStartAndStop() throws Exception {
        try (var server = RealisticModelServer.builder().start()) {
            String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":4000,\"stream\":true,\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"Create the cast.\"}],\"tools\":[{\"name\":\"cast\",\"input_schema\":" + CAST_SCHEMA.replace("\n", "")
                    + "}],\"tool_choice\":{\"type\":\"tool\",\"name\":\"cast\"}}";
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/messages"))
                    .header("x-api-key", "k").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            List<String> names = answer.body().lines().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).distinct().toList();
            StringBuilder input = new StringBuilder();
            String stop = null;
            for (String data : answer.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList()) {
                JsonNode event = ProviderHttp.JSON.readTree(data);
                if (event.path("delta").path("type").asString("").equals("input_json_delta")) {
                    input.append(event.path("delta").path("partial_json").asString());
                }
                if (event.path("type").asString().equals("message_delta")) {
                    stop = event.path("delta").path("stop_reason").asString();
                }
            }

            assertThat(names).containsExactly("message_start", "content_block_start", "ping", "content_block_delta", "content_block_stop",
                    "message_delta", "message_stop");
            assertThat(stop).isEqualTo("tool_use");
            assertThat(ProviderHttp.JSON.readTree(input.toString()).path("characters").size()).isEqualTo(3);
        }
    }

    private static void faultIs(Faults faults, Function<RealisticModelServer, LanguageModel> adapter, String model, Class<?> thrown,
                                int status) {
        try (var server = RealisticModelServer.builder().faults(faults).retryAfter(Duration.ofMillis(1500)).start()) {
            assertThatThrownBy(() -> adapter.apply(server).complete(text(model, "You write.", "Write about 200 words.", 1_000)))
                    .isInstanceOf(thrown);
            ServedRequest served = server.requests().getLast();
            assertThat(served.status()).isEqualTo(status);
            assertThat(served.fault()).isNotNull();
            assertThat(served.stopReason()).isNull();
        }
    }

    @Test
    void eachTransientFaultReachesTheAdapterAsTheProvidersFailure() {
        faultIs(new Faults(1, 0, 0, 0, 0, 0), RealisticModelServerIntegrationTests::openAi, "gpt-4o-mini",
                LanguageModelException.RateLimited.class, 429);
        faultIs(new Faults(1, 0, 0, 0, 0, 0), RealisticModelServerIntegrationTests::anthropic, "claude-sonnet-4-5",
                LanguageModelException.RateLimited.class, 429);
        faultIs(new Faults(0, 1, 0, 0, 0, 0), RealisticModelServerIntegrationTests::openAi, "gpt-4o-mini",
                LanguageModelException.Unavailable.class, 503);
        faultIs(new Faults(0, 0, 1, 0, 0, 0), RealisticModelServerIntegrationTests::anthropic, "claude-sonnet-4-5",
                LanguageModelException.Unavailable.class, 529);
        faultIs(new Faults(0, 0, 0, 1, 0, 0), RealisticModelServerIntegrationTests::anthropic, "claude-sonnet-4-5",
                LanguageModelException.Unavailable.class, 500);
        faultIs(new Faults(0, 0, 0, 0, 1, 0), RealisticModelServerIntegrationTests::openAi, "gpt-4o-mini",
                LanguageModelException.Unavailable.class, 200);
        faultIs(new Faults(0, 0, 0, 0, 1, 0), RealisticModelServerIntegrationTests::anthropic, "claude-sonnet-4-5",
                LanguageModelException.Unavailable.class, 200);
    }

    @Test
    void aRateLimitNamesItsWaitAndInvalidJsonBreaksOnlyStructuredAnswers() {
        try (var server = RealisticModelServer.builder().faults(new Faults(1, 0, 0, 0, 0, 0)).retryAfter(Duration.ofSeconds(2)).start()) {
            assertThatThrownBy(() -> openAi(server).complete(text("gpt-4o-mini", "", "Write.", 100)))
                    .isInstanceOfSatisfying(LanguageModelException.RateLimited.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
        }
        try (var server = RealisticModelServer.builder().faults(new Faults(0, 0, 0, 0, 0, 1)).start()) {
            Completion broken = openAi(server).complete(json("gpt-4o-mini", "Create the cast.", "cast", CAST_SCHEMA, 4_000));
            Completion prose = openAi(server).complete(text("gpt-4o-mini", "", "Write about 100 words.", 1_000));

            assertThatThrownBy(() -> ProviderHttp.JSON.readTree(broken.text())).isInstanceOf(RuntimeException.class);
            assertThat(server.requests().getFirst().fault()).isEqualTo(Faults.Fault.INVALID_JSON);
            assertThat(prose.text()).isNotBlank();
            assertThat(server.requests().getLast().fault()).isNull();
        }
    }

    @Test
    void theSameSeedGivesTheSameAnswersAndAnotherSeedOthers() {
        List<String> one = conversation(5);
        List<String> again = conversation(5);
        List<String> other = conversation(6);

        assertThat(again).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void anAnswerDoesNotDependOnWhichEarlierAnswersFinishedFirst() {
        assertThat(extractionAfterScenes(true)).isEqualTo(extractionAfterScenes(false));
    }

    /** Two scenes written in either order, then one strict extraction over both. */
    private static String extractionAfterScenes(boolean inOrder) {
        try (var server = RealisticModelServer.builder().seed(9).start()) {
            Completion cast = openAi(server).complete(json("gpt-4o-mini", "Create the cast.", "cast", CAST_SCHEMA, 4_000));
            List<String> names = castNames(cast);
            CompletionRequest first = text("gpt-4o-mini", "", "Characters present: " + names.get(0) + "\nWrite about 300 words.", 2_000);
            CompletionRequest second = text("gpt-4o-mini", "", "Characters present: " + names.get(1) + "\nWrite about 300 words.", 2_000);
            String one;
            String two;
            if (inOrder) {
                one = openAi(server).complete(first).text();
                two = openAi(server).complete(second).text();
            } else {
                two = openAi(server).complete(second).text();
                one = openAi(server).complete(first).text();
            }
            return openAi(server).complete(json("gpt-4o-mini", one + "\n\n" + two, "memory", MEMORY_SCHEMA, 8_000)).text();
        }
    }

    private static List<String> conversation(long seed) {
        try (var server = RealisticModelServer.builder().seed(seed).start()) {
            Completion cast = openAi(server).complete(json("gpt-4o-mini", "Create the cast.", "cast", CAST_SCHEMA, 4_000));
            Completion scene = openAi(server).complete(text("gpt-4o-mini", "", "Characters present: " + String.join(", ", castNames(cast))
                    + "\nWrite about 300 words.", 2_000));
            return List.of(cast.text(), scene.text());
        }
    }
}
