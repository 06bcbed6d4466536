package com.authorworks.engine;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.ScenePosition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scene drafted while an earlier scene's memory call is still under way is told that scene's sentences about its
 * subjects, under a bounded share, and never a later scene's.
 */
class UnrememberedNeighboursTests {

    @TempDir
    Path dir;

    @Test
    void aScenesPromptCarriesAnEarlierDraftedButUnrememberedScenesSentencesAboutItsSubjectsBoundedAndNeverALaterOnes() {
        CountDownLatch firstBeingRemembered = new CountDownLatch(1);
        CountDownLatch laterSceneAsked = new CountDownLatch(1);
        Books.Counting model = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                String prompt = request.messages().getLast().content();
                if (request.output() instanceof OutputFormat.Json j && j.name().equals("scene_memory") && prompt.startsWith("Scene 1.1")) {
                    // chapter 1's first scene is drafted; its memory answers only once chapter 2's second scene was asked for
                    firstBeingRemembered.countDown();
                    await(laterSceneAsked);
                } else if (request.output() instanceof OutputFormat.Json j && j.name().equals("scene_memory") && prompt.startsWith("Scene 2.1")) {
                    // chapter 2 goes on to its second scene only once chapter 1's first is drafted (and not remembered)
                    await(firstBeingRemembered);
                } else if (request.output() instanceof OutputFormat.Text && prompt.contains("Chapter 2, scene 2:")) {
                    laterSceneAsked.countDown();
                }
                return super.answer(request);
            }
        };
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(Books.spec(2, 6_000, 2)).status()).isEqualTo(RunResult.Status.COMPLETED);

        Outline outline = Json.read(engine.step(StepKeys.OUTLINE).orElseThrow().content(), Outline.class);
        String firstScene = engine.step(StepKeys.draft(1, 1)).orElseThrow().content();
        Outline.ScenePlan plan = outline.chapter(2).scenes().get(1);
        List<String> subjects = new ArrayList<>(plan.characters());
        subjects.add(plan.pov());
        subjects.add(plan.setting());

        ContextManifest.Part justWritten = engine.manifest(2, 2).orElseThrow().parts().stream().filter(p -> p.name().equals("just written"))
                .findFirst().orElseThrow();
        assertThat(justWritten.included()).as("sentences of scene 1.1, whose memory had not answered").isNotEmpty()
                .allSatisfy(sentence -> assertThat(firstScene).contains(sentence))
                .allSatisfy(sentence -> assertThat(subjects.stream().anyMatch(s -> sentence.contains(s) || sentence.contains(s.split(" ")[0])))
                        .as("%s names one of the scene's subjects", sentence).isTrue());
        ContextManifest.Part ledger = engine.manifest(2, 2).orElseThrow().parts().stream().filter(p -> p.name().equals("story ledger"))
                .findFirst().orElse(null);
        assertThat(justWritten.tokens() + (ledger == null ? 0 : ledger.tokens())).as("a bounded share, together with the ledger")
                .isLessThanOrEqualTo(2_500);
        String prompt = drafting(model, "Chapter 2, scene 2:");
        assertThat(prompt).contains("## Just written, not yet in the ledger").contains("1.1: ");

        // never a scene's own text or a later one's: every sentence any prompt was told comes from a scene before it
        for (int c = 1; c <= 2; c++) {
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                ScenePosition at = new ScenePosition(c, s);
                List<String> earlier = new ArrayList<>();
                for (int k = 1; k <= 2; k++) {
                    for (int i = 1; i <= outline.chapter(k).scenes().size(); i++) {
                        if (new ScenePosition(k, i).isBefore(at)) {
                            earlier.add(engine.step(StepKeys.draft(k, i)).orElseThrow().content());
                        }
                    }
                }
                engine.manifest(c, s).orElseThrow().parts().stream().filter(p -> p.name().equals("just written"))
                        .flatMap(p -> p.included().stream())
                        .forEach(sentence -> assertThat(earlier).as("%s in the prompt of %s", sentence, at).anyMatch(t -> t.contains(sentence)));
            }
        }
        // scene 1.2 is drafted after 1.1 is remembered, while chapter 2's scenes may be in flight: it is told none of them
        assertThat(engine.manifest(1, 2).orElseThrow().parts()).noneMatch(p -> p.name().equals("just written"));
    }

    private static String drafting(Books.Counting model, String scene) {
        return model.requests.stream().filter(r -> r.output() instanceof OutputFormat.Text && r.messages().getLast().content().contains(scene))
                .findFirst().orElseThrow().messages().getLast().content();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
