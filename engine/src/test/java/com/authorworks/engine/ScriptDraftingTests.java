package com.authorworks.engine;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.internal.SceneDrafts;
import com.authorworks.engine.internal.ScriptChecks;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import com.authorworks.engine.story.SceneMemory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A script is drafted, checked against its format and asked for again when the model answers prose. */
class ScriptDraftingTests {

    /** What a chat model answers when asked for a screenplay scene and it writes a story: prose, fenced. */
    static final String FENCED_PROSE = """
            ```fountain
            Edda had not been up to the lamp room since the winter her brother vanished. She climbed the stairs slowly, counting them the way he used to, and when she reached the top she stood for a long time with her hand on the rail, listening to the wind.

            "Where did you put them, Bram?" she whispered to the empty room.
            ```""";

    @TempDir
    Path dir;

    /** A provider that answers the first {@code proseAnswers} drafting requests of the book's first scene with prose. */
    static final class ProseFirst extends Books.Counting {
        private final AtomicInteger prose;

        ProseFirst(int proseAnswers) {
            this.prose = new AtomicInteger(proseAnswers);
        }

        @Override
        Completion answer(CompletionRequest request) {
            if (isFirstSceneDraft(request) && prose.getAndDecrement() > 0) {
                return new Completion(FENCED_PROSE, new Usage(1_000, 120, 0, 0), request.model(), "sample", Completion.FinishReason.STOP);
            }
            return super.answer(request);
        }
    }

    static boolean isFirstSceneDraft(CompletionRequest request) {
        return request.output() instanceof OutputFormat.Text && request.system().contains("one scene at a time")
                && request.messages().getFirst().content().contains("Sequence 1, scene 1: ");
    }

    static BookSpec screenplay() {
        return new BookSpec("Tide Tables", "Two radio operators on opposite shores.", Format.SCREENPLAY, 3_000, 2, "sample", "sample-writer",
                null, null, 1);
    }

    @Test
    void aScreenplaySceneAnsweredAsFencedProseIsAskedForAgainWithTheProblems() {
        ProseFirst model = new ProseFirst(1);
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(screenplay()).status()).isEqualTo(RunResult.Status.COMPLETED);

        List<CompletionRequest> drafts = model.requests.stream().filter(ScriptDraftingTests::isFirstSceneDraft).toList();
        assertThat(drafts).hasSize(2);
        assertThat(drafts.get(1).messages()).hasSize(3);
        assertThat(drafts.get(1).messages().get(1).content()).isEqualTo(FENCED_PROSE);
        assertThat(drafts.get(1).messages().get(2).content()).startsWith("That is not a screenplay scene in Fountain:")
                .contains("scene heading").contains("quotation marks").contains("past tense");
        StepRecord draft = engine.step(StepKeys.draft(1, 1)).orElseThrow();
        assertThat(draft.calls()).extracting(CallRecord::purpose).containsExactly("draft", SceneDrafts.RETRY);
        assertThat(draft.content()).doesNotContain("```").doesNotContain("Edda had not been");
        assertThat(ScriptChecks.problems(Format.SCREENPLAY, ScriptChecks.frame(Format.SCREENPLAY, 1, 1, 1, 2), draft.content())).isEmpty();
        assertThat(engine.markdown()).doesNotContain("Edda had not been");
    }

    @Test
    void aModelThatKeepsAnsweringProseFailsTheSceneAfterTheBoundedTries() {
        ProseFirst model = new ProseFirst(Integer.MAX_VALUE);
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThatThrownBy(() -> engine.start(screenplay())).isInstanceOf(StepFailedException.class)
                .hasMessageContaining(StepKeys.draft(1, 1)).hasMessageContaining("no screenplay scene in Fountain after 3 tries");

        assertThat(model.requests.stream().filter(ScriptDraftingTests::isFirstSceneDraft)).hasSize(3);
        assertThat(engine.step(StepKeys.draft(1, 1))).as("prose is never stored as a scene").isEmpty();
        assertThat(engine.cost().byStep().get("unfinished").calls()).as("the three paid tries stay on the account").isEqualTo(3);
    }

    @Test
    void proseFormatsAreDraftedInOneCall() {
        Books.Counting model = new Books.Counting();
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(Books.spec(2, 3_000, 1)).status()).isEqualTo(RunResult.Status.COMPLETED);

        assertThat(engine.step(StepKeys.draft(1, 1)).orElseThrow().calls()).extracting(CallRecord::purpose).containsExactly("draft");
    }

    /** The sample writer, whose keeper finds the first scene's heading contradicts the ledger and whose reviser answers {@code rewrite}. */
    static final class HeadingRevisedAs extends Books.Counting {
        private final String rewrite;

        HeadingRevisedAs(String rewrite) {
            this.rewrite = rewrite;
        }

        @Override
        Completion answer(CompletionRequest request) {
            Completion real = super.answer(request);
            String prompt = request.messages().getFirst().content();
            if (request.output() instanceof OutputFormat.Json json && json.name().equals("scene_memory") && prompt.startsWith("Scene 1.1:")) {
                String heading = prompt.lines().filter(l -> l.startsWith("INT. ")).findFirst().orElseThrow();
                // the answer as the writer gave it (a chapter's last scene also carries the chapter's summary), with a contradiction
                tools.jackson.databind.node.ObjectNode answer = (tools.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(real.text());
                answer.set("contradictions", Json.MAPPER.valueToTree(
                        List.of(new SceneMemory.Contradiction(heading, "the scene is set by day", "make it day"))));
                return new Completion(Json.write(answer), real.usage(), real.model(), real.provider(), real.finishReason());
            }
            if (prompt.startsWith("This passage of a scene contradicts")) {
                return new Completion(rewrite, real.usage(), real.model(), real.provider(), real.finishReason());
            }
            return real;
        }
    }

    @Test
    void aRevisionThatKeepsTheSceneAScriptIsApplied() {
        var engine = new GenerationEngine(new HeadingRevisedAs("INT. THE LAMP ROOM - DAY"), new FileCheckpointStore(dir), null,
                Books.options(2));

        assertThat(engine.start(screenplay()).status()).isEqualTo(RunResult.Status.COMPLETED);

        assertThat(engine.step(StepKeys.revision(1, 1)).orElseThrow().content()).contains("\n\nINT. THE LAMP ROOM - DAY\n\n");
    }

    @Test
    void aRevisionAnsweredInProseLeavesTheScriptAsDrafted() {
        var engine = new GenerationEngine(new HeadingRevisedAs("```\nEdda had climbed to the lamp room long before the storm broke.\n```"),
                new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(screenplay()).status()).isEqualTo(RunResult.Status.COMPLETED);

        String draft = engine.step(StepKeys.draft(1, 1)).orElseThrow().content();
        assertThat(engine.step(StepKeys.revision(1, 1)).orElseThrow().content()).isEqualTo(draft).doesNotContain("Edda had climbed");
    }
}
