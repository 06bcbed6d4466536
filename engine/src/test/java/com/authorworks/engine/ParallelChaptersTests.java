package com.authorworks.engine;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Chapters drafted side by side: they read each other's planned outcomes, then each other's real facts once written, in story order only. */
class ParallelChaptersTests {

    @TempDir
    Path dir;

    @Test
    void aChapterDraftedAlongsideAnotherSeesItsPlanThenItsFinishedFactsButNothingLaterInTheStory() {
        CountDownLatch secondChapterAsked = new CountDownLatch(1);
        CountDownLatch firstChapterDone = new CountDownLatch(1);
        Books.Counting model = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                String prompt = request.messages().getLast().content();
                if (request.output() instanceof OutputFormat.Text && prompt.contains("Chapter 2, scene 1:")) {
                    secondChapterAsked.countDown();
                } else if (request.output() instanceof OutputFormat.Text && prompt.contains("Chapter 1, scene 1:")) {
                    // chapter 1's first scene starts answering (so the calls after it may go) and finishes only once
                    // chapter 2's first prompt was sent, so that prompt was built before anything of chapter 1 was finished
                    request.onDelta().accept("The");
                    await(secondChapterAsked);
                } else if (request.output() instanceof OutputFormat.Json j && j.name().equals("scene_memory") && prompt.startsWith("Scene 2.1")) {
                    // chapter 2 goes on only once chapter 1 is finished, so its second scene is built knowing chapter 1 as written
                    await(firstChapterDone);
                }
                return super.answer(request);
            }
        };
        ProgressListener listener = event -> {
            if (event instanceof GenerationEvent.ChapterCompleted done && done.chapter() == 1) {
                firstChapterDone.countDown();
            }
        };
        FileCheckpointStore store = new FileCheckpointStore(dir);
        var engine = new GenerationEngine(model, store, listener, Books.options(2));

        assertThat(engine.start(Books.spec(2, 6_000, 2)).status()).isEqualTo(RunResult.Status.COMPLETED);

        Outline outline = Json.read(engine.step(StepKeys.OUTLINE).orElseThrow().content(), Outline.class);
        assertThat(outline.chapter(1).outcomes()).isNotEmpty();
        ContextManifest first = engine.manifest(2, 1).orElseThrow();
        assertThat(first.parts()).filteredOn(p -> p.status() == ContextManifest.Status.NOT_VISIBLE).extracting(ContextManifest.Part::name)
                .containsExactly("chapter 1 as written");
        CompletionRequest firstPrompt = drafting(model, "Chapter 2, scene 1:");
        assertThat(firstPrompt.messages().getLast().content()).contains("Chapter 1 (being written; as planned)").contains("Planned outcomes: "
                + outline.chapter(1).outcomes().getFirst());

        ContextManifest second = engine.manifest(2, 2).orElseThrow();
        assertThat(second.parts()).noneMatch(p -> p.status() == ContextManifest.Status.NOT_VISIBLE);
        String secondPrompt = drafting(model, "Chapter 2, scene 2:").messages().getLast().content();
        assertThat(secondPrompt).contains("Chapter 1: " + Json.read(engine.step(StepKeys.chapterSummary(1)).orElseThrow().content(),
                com.authorworks.engine.story.ChapterSummary.class).summary());
        StoryLedger ledger = GenerationEngine.ledgerOf(store);
        List<String> chapterOneFacts = ledger.history().stream().map(StoryLedger.Entry::fact)
                .filter(f -> f.since().chapter() == 1).map(f -> f.subject() + ": " + f.attribute() + " = " + f.value()).toList();
        assertThat(second.parts()).filteredOn(p -> p.name().equals("story ledger")).singleElement()
                .satisfies(p -> assertThat(p.included()).containsAnyElementsOf(chapterOneFacts));

        // no drafting prompt ever holds a fact from its own position or later in the story
        for (int c = 1; c <= 2; c++) {
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                ScenePosition at = new ScenePosition(c, s);
                List<String> included = engine.manifest(c, s).orElseThrow().parts().stream().flatMap(p -> p.included().stream()).toList();
                for (Fact f : ledger.history().stream().map(StoryLedger.Entry::fact).filter(f -> !f.since().isBefore(at)).toList()) {
                    assertThat(included).as("%s in the prompt of %s", f, at).doesNotContain(f.subject() + ": " + f.attribute() + " = " + f.value());
                }
            }
        }
    }

    private static CompletionRequest drafting(Books.Counting model, String scene) {
        return model.requests.stream().filter(r -> r.output() instanceof OutputFormat.Text && r.messages().getLast().content().contains(scene))
                .findFirst().orElseThrow();
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
