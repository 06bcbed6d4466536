package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.GenerationEvent;
import com.authorworks.engine.ProgressListener;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.story.ChapterSummary;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import java.util.List;
import java.util.function.Supplier;

/**
 * Writes one chapter, scene by scene: the draft, the memory call that summarises it and extracts its
 * facts for the ledger, a targeted revision when it contradicts the ledger, then the chapter's summary.
 */
final class ChapterWriter {

    /** The longest a scene summary may be; a longer answer is compressed before it is stored. */
    static final int SCENE_SUMMARY_WORDS = 120;
    /** The longest a chapter summary may be. */
    static final int CHAPTER_SUMMARY_WORDS = 200;
    /** The most facts one scene adds to the ledger, and the most words of a fact's value. */
    static final int FACTS_PER_SCENE = 40;
    private static final int FACT_VALUE_WORDS = 30;
    /** Output tokens a memory answer may take: a scene's facts and summary, with room for a model that says too much. */
    static final int MEMORY_TOKENS = 3_000;

    private final BookSpec spec;
    private final Outline outline;
    private final StepStore steps;
    private final CallGate gate;
    private final StructuredAsk asking;
    private final Compressor compressor;
    private final StoryLedger ledger;
    private final SceneContext context;
    private final RunAccount account;
    private final ProgressListener listener;
    private final ScenesInFlight scenes;

    ChapterWriter(BookSpec spec, Outline outline, StepStore steps, CallGate gate, StructuredAsk asking, Compressor compressor, StoryLedger ledger,
                  SceneContext context, RunAccount account, ProgressListener listener, ScenesInFlight scenes) {
        this.spec = spec;
        this.outline = outline;
        this.steps = steps;
        this.gate = gate;
        this.asking = asking;
        this.compressor = compressor;
        this.ledger = ledger;
        this.context = context;
        this.account = account;
        this.listener = listener;
        this.scenes = scenes;
    }

    void write(int c) {
        Outline.ChapterPlan plan = outline.chapter(c);
        StringBuilder sceneSummaries = new StringBuilder();
        String chapterSummary = null;
        for (int s = 1; s <= plan.scenes().size(); s++) {
            Outline.ScenePlan scene = plan.scenes().get(s - 1);
            int number = s;
            ScenePosition position = new ScenePosition(c, s);
            StepStore.Done draft;
            try {
                draft = steps.step(StepKeys.draft(c, s), calls -> draft(c, number, calls));
            } catch (RuntimeException | Error e) {
                scenes.remembered(position);
                throw e;
            }
            if (draft.fresh()) {
                int sceneWords = Words.count(draft.record().content());
                account.sceneDrafted(sceneWords);
                listener.on(new GenerationEvent.SceneDrafted(c, s, sceneWords, account.progress(draft.record().key())));
            }
            String text = draft.record().content();
            scenes.drafted(position, text);
            String ledgerText = context.memoryLedger(c, s);
            boolean last = s == plan.scenes().size();
            String earlier = sceneSummaries.toString();
            String key = StepKeys.memory(c, s);
            String[] summarised = new String[1];
            StepStore.Done remembered;
            try {
                remembered = steps.step(key, calls -> {
                    if (!last) {
                        SceneMemory answer = asking.ask(new StructuredAsk.Question<>(StepKeys.kind(key), key, SceneMemory.class, Prompts.keeper(spec),
                                Prompts.memory(c, number, scene, ledgerText, text), "scene_memory", Schemas.memory(), PlanChecks::memory,
                                spec.summaryModelOrDefault(), MEMORY_TOKENS), calls);
                        return Json.write(bounded(answer, text, calls));
                    }
                    // the chapter's last scene: the same call also summarises the chapter, sparing a call that
                    // would read the scene summaries again
                    LastSceneMemory answer = asking.ask(new StructuredAsk.Question<>(StepKeys.kind(key), key, LastSceneMemory.class,
                            Prompts.keeper(spec), Prompts.lastMemory(spec.format(), c, number, plan.title(), scene, ledgerText, text, earlier),
                            "scene_memory", Schemas.lastSceneMemory(), PlanChecks::lastMemory, spec.summaryModelOrDefault(), MEMORY_TOKENS), calls);
                    summarised[0] = compressor.bounded(answer.chapterSummary(), CHAPTER_SUMMARY_WORDS, calls);
                    return Json.write(bounded(answer.memory(), text, calls));
                });
            } catch (RuntimeException | Error e) {
                scenes.remembered(position);
                throw e;
            }
            chapterSummary = summarised[0];
            SceneMemory memory = Json.read(remembered.record().content(), SceneMemory.class);
            Ledgers.remember(ledger, memory, position, text);
            scenes.remembered(position);
            if (!memory.contradictions().isEmpty()) {
                StepStore.Done revision = steps.step(StepKeys.revision(c, s), calls -> revise(text, memory, calls));
                if (revision.fresh()) {
                    account.adjustWords(Words.count(revision.record().content()) - Words.count(text));
                    emitStep(revision.record().key());
                }
            }
            sceneSummaries.append(s).append(". ").append(memory.summary()).append("\n");
        }
        String summaryKey = StepKeys.chapterSummary(c);
        if (chapterSummary != null && steps.find(summaryKey).isEmpty()) {
            String written = chapterSummary;
            steps.step(summaryKey, calls -> Json.write(new ChapterSummary(written)));
            emitStep(summaryKey);
        } else if (steps.find(summaryKey).isEmpty()) {
            // resumed after the last scene's memory, or its summary regenerated: ask for it on its own
            steps.step(summaryKey, calls -> {
                ChapterSummary answer = asking.ask(new StructuredAsk.Question<>(StepKeys.kind(summaryKey), summaryKey, ChapterSummary.class,
                        Prompts.keeper(spec), Prompts.chapterSummary(spec.format(), c, plan.title(), sceneSummaries.toString()),
                        "chapter_summary", Schemas.summary(CHAPTER_SUMMARY_WORDS), PlanChecks::summary, spec.summaryModelOrDefault(),
                        MEMORY_TOKENS), calls);
                return Json.write(new ChapterSummary(compressor.bounded(answer.summary(), CHAPTER_SUMMARY_WORDS, calls)));
            });
            emitStep(summaryKey);
        }
        listener.on(new GenerationEvent.ChapterCompleted(c, account.progress(summaryKey)));
    }

    /**
     * A memory as the ledger keeps it: at most {@link #FACTS_PER_SCENE} facts with short values (those the scene's text
     * shows first, so a model that re-lists the ledger cannot crowd out what the scene established), and a summary
     * no longer than {@link #SCENE_SUMMARY_WORDS} (compressed when the model wrote more).
     */
    private SceneMemory bounded(SceneMemory memory, String text, StepStore.PaidCalls calls) {
        List<SceneMemory.NewFact> kept = InTextOrder.shownFirst(memory.facts(), text).stream().limit(FACTS_PER_SCENE).toList();
        List<SceneMemory.NewFact> facts = InTextOrder.of(kept, text).stream()
                .map(f -> new SceneMemory.NewFact(f.subject().strip(), f.kind(), Words.capped(f.attribute(), 8), Words.capped(f.value(), FACT_VALUE_WORDS)))
                .toList();
        return new SceneMemory(compressor.bounded(memory.summary(), SCENE_SUMMARY_WORDS, calls), facts, memory.contradictions());
    }

    private String draft(int c, int s, StepStore.PaidCalls calls) {
        Outline.ScenePlan scene = outline.chapter(c).scenes().get(s - 1);
        // scenes earlier in the story that are drafted and being remembered are in the prompt by their sentences about this
        // scene's subjects; the prompt is made again if one more was drafted while it was being made
        CallGate.Turn earlierRemembered = scenes.turnOf(new ScenePosition(c, s), gate::checkGoing);
        Supplier<String> task = () -> {
            ContextBuilder.Built built = context.draftingPrompt(c, s);
            steps.checkpoints().put(StepKeys.manifest(c, s), Json.write(built.manifest()));
            return built.user();
        };
        return SceneDrafts.draft(spec.format(), context.frame(c, s), StepKeys.draft(c, s), asking.tries(), task, (purpose, messages) ->
                gate.call(purpose, spec.model(), context.drafterSystem(), earlierRemembered, messages, OutputFormat.text(), scene.wordTarget() * 2 + 400, 0.8,
                        calls));
    }

    private String revise(String text, SceneMemory memory, StepStore.PaidCalls calls) {
        String revised = text;
        for (SceneMemory.Contradiction contradiction : memory.contradictions()) {
            String passage = contradiction.passage() == null ? "" : contradiction.passage().strip();
            if (passage.isEmpty() || !revised.contains(passage)) {
                continue;
            }
            Completion answer = gate.call("revision", spec.model(), context.drafterSystem(),
                    List.of(Message.user(Prompts.revision(revised, passage, contradiction.conflictsWith(), contradiction.correction()))),
                    OutputFormat.text(), TokenCounter.count(passage) * 2 + 200, 0.5, calls);
            revised = SceneDrafts.withRevision(spec.format(), revised, passage, answer.text());
        }
        return revised;
    }

    private void emitStep(String key) {
        listener.on(new GenerationEvent.StepCompleted(key, account.progress(key)));
    }
}
