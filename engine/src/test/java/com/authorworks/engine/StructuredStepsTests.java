package com.authorworks.engine;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import com.authorworks.engine.story.SceneMemory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructuredStepsTests {

    @TempDir
    Path dir;

    @Test
    void anAnswerCutAtTheLengthLimitIsAskedForAfreshWithMoreRoomAndNeverStored() {
        AtomicBoolean cut = new AtomicBoolean();
        Books.Counting model = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                if (request.output() instanceof OutputFormat.Json json && json.name().equals("genre") && !cut.getAndSet(true)) {
                    // a model that rambled until max_tokens: valid-looking JSON cut in the middle of a string
                    return new Completion("{\"genre\": \"gothic\", \"audience\": \"readers who like long", new Usage(40, request.maxTokens(), 0, 0),
                            request.model(), "sample", Completion.FinishReason.MAX_TOKENS);
                }
                return super.answer(request);
            }
        };
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(Books.spec(2, 3_000, 1)).status()).isEqualTo(RunResult.Status.COMPLETED);

        List<CompletionRequest> genreCalls = model.requests.stream()
                .filter(r -> r.output() instanceof OutputFormat.Json j && j.name().equals("genre")).toList();
        assertThat(genreCalls).hasSize(2);
        assertThat(genreCalls.get(1).maxTokens()).isGreaterThan(genreCalls.get(0).maxTokens());
        assertThat(genreCalls.get(1).messages()).as("the cut text is not sent back").hasSize(1);
        assertThat(genreCalls.get(1).messages().getFirst().content()).contains("cut off at the length limit");
        assertThat(engine.step(StepKeys.GENRE).orElseThrow().content()).doesNotContain("readers who like long");
        assertThat(engine.step(StepKeys.GENRE).orElseThrow().calls()).hasSize(2);
    }

    @Test
    void anInvalidOutlineIsAskedForAgainWithTheProblems() {
        AtomicBoolean spoiled = new AtomicBoolean();
        Books.Counting model = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                if (request.output() instanceof OutputFormat.Json json && json.name().equals("outline") && !spoiled.getAndSet(true)) {
                    return new Completion("{\"acts\": [], \"chapters\": [}", new Usage(10, 5, 0, 0), request.model(), "sample",
                            Completion.FinishReason.STOP);
                }
                return super.answer(request);
            }
        };
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(Books.spec(2, 3_000, 1)).status()).isEqualTo(RunResult.Status.COMPLETED);

        List<CompletionRequest> outlineCalls = model.requests.stream()
                .filter(r -> r.output() instanceof OutputFormat.Json j && j.name().equals("outline")).toList();
        assertThat(outlineCalls).hasSize(2);
        assertThat(outlineCalls.get(1).messages()).hasSize(3);
        assertThat(outlineCalls.get(1).messages().getLast().content()).startsWith("That answer is invalid").contains("not valid JSON");
        assertThat(engine.step(StepKeys.OUTLINE).orElseThrow().calls())
                .extracting(CallRecord::purpose).containsExactly("plan/outline", "retry after invalid output", "plan/outline/c001-c002");
    }

    @Test
    void aStepThatNeverValidatesFailsAfterTheBoundedTries() {
        Books.Counting model = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                if (request.output() instanceof OutputFormat.Json json && json.name().equals("characters")) {
                    return new Completion("{\"characters\": []}", Usage.NONE, request.model(), "sample", Completion.FinishReason.STOP);
                }
                return super.answer(request);
            }
        };
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThatThrownBy(() -> engine.start(Books.spec(2, 3_000, 1))).isInstanceOf(StepFailedException.class)
                .hasMessageContaining("plan/characters").hasMessageContaining("characters needs 3 to 8 characters, it has 0");
        assertThat(model.requests.stream().filter(r -> r.output() instanceof OutputFormat.Json j && j.name().equals("characters"))).hasSize(3);
        assertThat(engine.finishedSteps()).containsExactly(StepKeys.GENRE, StepKeys.STYLE);
    }

    @Test
    void theCallsOfAStepThatNeverFinishedStayInTheCostReport() {
        PriceTable priced = PriceTable.of("test", java.time.LocalDate.of(2025, 11, 1), java.util.Set.of(),
                List.of(PriceTable.ModelPrice.of("sample-writer", "3", "15", "0.30", "3.75")));
        Books.Counting invalid = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                if (request.output() instanceof OutputFormat.Json json && json.name().equals("characters")) {
                    return new Completion("{\"characters\": []}", new Usage(1_000, 100, 0, 0), request.model(), "sample",
                            Completion.FinishReason.STOP);
                }
                return super.answer(request);
            }
        };
        FileCheckpointStore store = new FileCheckpointStore(dir);
        assertThatThrownBy(() -> new GenerationEngine(invalid, store, null, Books.options(2).withPrices(priced)).start(Books.spec(2, 3_000, 1)))
                .isInstanceOf(StepFailedException.class);

        CostReport failed = new GenerationEngine(invalid, store, null, Books.options(2).withPrices(priced)).cost();
        assertThat(failed.byStep().get("unfinished").calls()).isEqualTo(3);
        assertThat(failed.byStep().get("unfinished").costUsd()).isEqualByComparingTo("0.0135");
        assertThat(failed.calls()).isEqualTo(5);

        Books.Counting good = new Books.Counting();
        var engine = new GenerationEngine(good, store, null, Books.options(2).withPrices(priced));
        assertThat(engine.resume().status()).isEqualTo(RunResult.Status.COMPLETED);

        CostReport after = engine.cost();
        assertThat(after.byStep().get("unfinished").calls()).as("paid, lost, still accounted").isEqualTo(3);
        assertThat(after.calls()).isEqualTo(5 + good.calls.get());
    }

    @Test
    void aContradictionWithTheLedgerTriggersOneTargetedRevision() {
        Books.Counting model = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                Completion real = super.answer(request);
                String prompt = request.messages().getFirst().content();
                if (request.output() instanceof OutputFormat.Json json && json.name().equals("scene_memory") && prompt.startsWith("Scene 1.2:")) {
                    String scene = prompt.substring(prompt.indexOf("## Scene text") + 15);
                    String[] sentences = scene.substring(0, scene.indexOf("\n\nSummarise the scene")).split("(?<=\\.) ");
                    String passage = sentences[sentences.length - 1].strip();
                    SceneMemory memory = Json.read(real.text(), SceneMemory.class);
                    SceneMemory contradicted = new SceneMemory(memory.summary(), memory.facts(),
                            List.of(new SceneMemory.Contradiction(passage, "the lighthouse lamp is broken", "the lamp stays dark")));
                    return new Completion(Json.write(contradicted), real.usage(), real.model(), real.provider(), real.finishReason());
                }
                if (request.messages().getFirst().content().startsWith("This passage of a scene contradicts")) {
                    return new Completion("The lamp stayed dark, as it had since the storm.", real.usage(), real.model(), real.provider(),
                            real.finishReason());
                }
                return real;
            }
        };
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        engine.start(Books.spec(2, 9_000, 1));

        assertThat(model.requests.stream().map(r -> r.messages().getFirst().content())
                .filter(c -> c.startsWith("This passage of a scene contradicts"))).hasSize(1);
        String revised = engine.step(StepKeys.revision(1, 2)).orElseThrow().content();
        assertThat(revised).contains("The lamp stayed dark, as it had since the storm.");
        assertThat(engine.step(StepKeys.draft(1, 2)).orElseThrow().content()).doesNotContain("The lamp stayed dark");
        assertThat(engine.markdown()).contains("The lamp stayed dark, as it had since the storm.");
        assertThat(engine.finishedSteps()).filteredOn(k -> k.startsWith("revision/")).containsExactly(StepKeys.revision(1, 2));
        assertThat(model.requests).as("the next scene continues from the revised text")
                .filteredOn(r -> r.output() instanceof OutputFormat.Text && r.messages().getFirst().content().contains("## How the previous scene ended"))
                .anySatisfy(r -> assertThat(r.messages().getFirst().content()).contains("The lamp stayed dark"));
    }
}
