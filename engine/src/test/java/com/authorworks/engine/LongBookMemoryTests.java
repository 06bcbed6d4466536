package com.authorworks.engine;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.internal.TokenCounter;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import com.authorworks.engine.story.ChapterSummary;
import com.authorworks.engine.story.SceneMemory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A long book against a model that says too much: no call grows with the book, and nothing it wrote is stored longer than allowed. */
class LongBookMemoryTests {

    private static final Pattern MEMORY_SCENE = Pattern.compile("^Scene (\\d+)\\.(\\d+)");

    @TempDir
    Path dir;

    @Test
    void memoryPromptsStayFlatAndSummariesBoundedWhenTheModelTalksTooMuch() {
        Books.Talkative model = new Books.Talkative();
        FileCheckpointStore store = new FileCheckpointStore(dir);
        var engine = new GenerationEngine(model, store, null, Books.options(1));

        assertThat(engine.start(Books.spec(16, 24_000, 1)).status()).isEqualTo(RunResult.Status.COMPLETED);

        long early = 0;
        long late = 0;
        for (CompletionRequest r : model.requests) {
            if (r.output() instanceof OutputFormat.Json j && j.name().equals("scene_memory")) {
                Matcher scene = MEMORY_SCENE.matcher(r.messages().getFirst().content());
                assertThat(scene.find()).isTrue();
                int c = Integer.parseInt(scene.group(1));
                long tokens = inputTokens(r);
                long sceneTokens = TokenCounter.count(engine.step(StepKeys.draft(c, Integer.parseInt(scene.group(2)))).orElseThrow().content());
                assertThat(tokens - sceneTokens).as("a memory prompt beyond the scene it reads: instructions, bounded ledger, bounded summaries")
                        .isLessThanOrEqualTo(1_600);
                if (c <= 4) {
                    early = Math.max(early, tokens);
                } else if (c >= 13) {
                    late = Math.max(late, tokens);
                }
            }
        }
        assertThat(early).isPositive();
        assertThat(late).as("the last quarter's largest memory prompt against the first quarter's").isLessThanOrEqualTo(Math.round(early * 1.15));
        for (String key : store.keys("manifest/")) {
            ContextManifest manifest = Json.read(store.get(key).orElseThrow(), ContextManifest.class);
            assertThat(manifest.usedTokens()).isLessThanOrEqualTo(manifest.budgetTokens());
            assertThat(manifest.parts()).filteredOn(p -> p.name().equals("story ledger"))
                    .allSatisfy(p -> assertThat(p.status()).isNotEqualTo(ContextManifest.Status.OMITTED));
        }
        for (String key : store.keys("memory/")) {
            assertThat(words(Json.read(engine.step(key).orElseThrow().content(), SceneMemory.class).summary())).isLessThanOrEqualTo(120);
        }
        for (String key : store.keys("summary/")) {
            int limit = key.equals(StepKeys.BOOK_SUMMARY) ? 300 : key.startsWith("summary/a") ? 250 : 200;
            assertThat(words(Json.read(engine.step(key).orElseThrow().content(), ChapterSummary.class).summary())).as(key).isLessThanOrEqualTo(limit);
        }
        // the act with eight chapters is summarised from them in one call; none reads more than eight summaries
        assertThat(model.requests).filteredOn(r -> r.output() instanceof OutputFormat.Json j && j.name().equals("summary"))
                .allSatisfy(r -> assertThat(r.messages().getLast().content().split("\n\n(Chapter|Act) \\d+: ", -1).length - 1).isLessThanOrEqualTo(8));
        assertThat(store.keys("summary/a")).containsExactly(StepKeys.actSummary(1), StepKeys.actSummary(2), StepKeys.actSummary(3));
    }

    private static long inputTokens(CompletionRequest r) {
        return TokenCounter.count(r.system()) + r.messages().stream().map(Message::content).mapToLong(TokenCounter::count).sum();
    }

    private static int words(String text) {
        return text.strip().split("\\s+").length;
    }

    @Test
    void anActSummaryThatAModelRetellsPastItsLimitIsWrittenFromSmallerGroupsNeverStoredCutAndTheRunCompletes() {
        // a summariser that retells every item it is given: with more than two summaries to read it always runs out of room
        Books.Counting model = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                String prompt = request.messages().getLast().content();
                if (request.output() instanceof OutputFormat.Json j && j.name().equals("summary") && prompt.startsWith("Summaries, in story order")
                        && prompt.split("\n\n").length > 4) {
                    return new Completion("{\"summary\": \"" + "and then ".repeat(request.maxTokens()), new Usage(500, request.maxTokens(), 0, 0),
                            request.model(), "sample", Completion.FinishReason.MAX_TOKENS);
                }
                return super.answer(request);
            }
        };
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(Books.spec(9, 9_000, 1)).status()).isEqualTo(RunResult.Status.COMPLETED);

        for (String key : List.of(StepKeys.actSummary(1), StepKeys.actSummary(2), StepKeys.actSummary(3), StepKeys.BOOK_SUMMARY)) {
            String summary = Json.read(engine.step(key).orElseThrow().content(), com.authorworks.engine.story.ChapterSummary.class).summary();
            assertThat(summary).as(key).doesNotContain("and then and then").isNotBlank();
        }
        // the model did cut them: each such question was answered from smaller ones instead of being asked again as it was
        long cut = model.requests.stream().filter(r -> r.output() instanceof OutputFormat.Json j && j.name().equals("summary")
                && r.messages().getLast().content().split("\n\n").length > 4).count();
        assertThat(cut).isPositive();
    }
}
