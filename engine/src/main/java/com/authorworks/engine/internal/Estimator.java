package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.Estimate;
import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;

/**
 * Expected calls, tokens and cost of a book from its spec alone, with the pipeline's own rules: its
 * scene arithmetic, each prompt part's share of the budget ({@link SceneContext}), the bounds on what
 * memory and summary calls return ({@link ChapterWriter}, {@link BookSummaries}) and, for a real model,
 * a compression call per summary (real models write longer summaries than the engine keeps). Facts per scene
 * and prefix size are those of a fact-dense model (the stand-in the engine is benchmarked against, bench/README.md).
 */
public final class Estimator {

    private static final double TOKENS_PER_WORD = 1.35;
    /** The drafting prefix (instructions, style guide, synopsis, cast sheet) of a typical plan. */
    private static final long PREFIX_TOKENS = 1_500;
    /** A scene's beats, POV, cast and setting, and the parts' headings. */
    private static final long SCENE_TASK_TOKENS = 350;
    /** The keeper's instructions, the scene's header and the memory schema. */
    private static final long MEMORY_FRAME_TOKENS = 450;
    /** Words of prose per fact a fact-dense scene establishes. */
    private static final int WORDS_PER_FACT = 60;
    private static final long TOKENS_PER_FACT = 35;
    /** Tokens a real model's scene summary spends per fact it retells. */
    private static final long SUMMARY_TOKENS_PER_FACT = 50;

    /**
     * The share of a script's scenes a real model first answers in prose, so they are asked again once
     * ({@link SceneDrafts}): about one in seven, as the stand-in the engine is benchmarked against does.
     */
    static final double SCRIPT_REASK_SHARE = 0.15;
    /** The share of chapters whose last memory (facts and the chapter's summary) a fact-dense model runs past its room. */
    static final double LAST_MEMORY_RETRY_SHARE = 0.5;
    /** Act and book summaries of a model that retells all it reads: compressions per chapter, and output of one question. */
    static final double RETOLD_COMPRESSIONS_PER_CHAPTER = 0.75;
    static final long SUMMARY_ASK_TOKENS = 950;

    private Estimator() {
    }

    public static Estimate estimate(BookSpec spec, EngineOptions options) {
        double perChapter = spec.targetWords() / (double) spec.chapters();
        int scenesPerChapter = (int) Math.max(1, Math.min(6, Math.round(perChapter / 1500)));
        int scenes = scenesPerChapter * spec.chapters();
        double sceneWords = spec.targetWords() / (double) scenes;
        long sceneOut = Math.round(sceneWords * TOKENS_PER_WORD);
        long summaryTokens = Math.round(ChapterWriter.SCENE_SUMMARY_WORDS * TOKENS_PER_WORD);
        long chapterSummaryTokens = Math.round(ChapterWriter.CHAPTER_SUMMARY_WORDS * TOKENS_PER_WORD);
        boolean realModel = !"sample".equals(spec.provider());
        // the offline sample writer reports a few facts a scene
        long facts = realModel ? Math.round(Math.min(ChapterWriter.FACTS_PER_SCENE, Math.ceil(sceneWords / WORDS_PER_FACT))) : 3;
        long factsOut = facts * TOKENS_PER_FACT;
        // a real model's summary retells what the scene established (it is compressed afterwards); the sample's is short
        long memorySummaryOut = realModel ? facts * SUMMARY_TOKENS_PER_FACT : summaryTokens;

        long draftIn = 0;
        long memoryIn = 0;
        long memoryOut = 0;
        int before = 0;
        for (int c = 1; c <= spec.chapters(); c++) {
            for (int s = 1; s <= scenesPerChapter; s++) {
                // the ledger fills over the first scenes, then holds at about half its share
                double filled = Math.min(1.0, before / 4.0) / 2;
                draftIn += PREFIX_TOKENS + SCENE_TASK_TOKENS + (before > 0 ? Math.min(SceneContext.TAIL_TOKENS, sceneOut) : 0)
                        + Math.round(SceneContext.LEDGER_TOKENS * filled) + SceneContext.CHAPTER_PLAN_TOKENS / 2
                        + Math.min(SceneContext.SCENES_TOKENS, (s - 1) * summaryTokens)
                        + Math.min(SceneContext.CHAPTERS_TOKENS, Math.min(3, c - 1) * chapterSummaryTokens) + SceneContext.ACT_TOKENS / 2;
                boolean last = s == scenesPerChapter;
                memoryIn += sceneOut + MEMORY_FRAME_TOKENS + Math.round(SceneContext.MEMORY_LEDGER_TOKENS * filled)
                        + (last ? (scenesPerChapter - 1) * summaryTokens : 0);
                memoryOut += factsOut + memorySummaryOut + (last ? chapterSummaryTokens : 0);
                before++;
            }
        }
        // a script scene answered in prose is asked again: its prompt, the prose answer and the problems, for a whole new scene
        long reasks = realModel && spec.format().script() ? Math.round(scenes * SCRIPT_REASK_SHARE) : 0;
        long reaskIn = reasks * (draftIn / Math.max(1, scenes) + sceneOut + 100);
        long reaskOut = reasks * sceneOut;
        draftIn += reaskIn;
        int acts = Math.min(spec.format().acts(), spec.chapters());
        // a chapter's last memory also retells the chapter: for a fact-dense model about half of them run past
        // their room and are asked afresh with half as much again
        long memoryRetries = realModel ? Math.round(spec.chapters() * LAST_MEMORY_RETRY_SHARE) : 0;
        memoryIn += memoryRetries * (memoryIn / Math.max(1, scenes));
        memoryOut += memoryRetries * Math.round(ChapterWriter.MEMORY_TOKENS * 1.1);
        // a real model's scene and chapter summaries run long and are written again shorter, filling the room given
        long compressions = realModel ? scenes + spec.chapters() : 0;
        long compressIn = compressions * (summaryTokens * 3 + 100);
        long compressOut = realModel ? scenes * (ChapterWriter.SCENE_SUMMARY_WORDS * 2L + 50)
                + spec.chapters() * (ChapterWriter.CHAPTER_SUMMARY_WORDS * 2L + 50) : 0;
        // four plan steps, the outline's skeleton, then one call per five chapters for their scenes over the skeleton
        long planIn = 4 * 1_500L + 4_000 + (spec.chapters() + 4) / 5 * (4_000L + 120L * spec.chapters());
        long planOut = 4 * 700L + spec.chapters() * 180L + 300L * scenes;
        long summaryIn = spec.chapters() * (chapterSummaryTokens + 10) + acts * (Math.round(BookSummaries.ACT_WORDS * TOKENS_PER_WORD) + 10)
                + (acts + 1) * 300L;
        long summaryOut = acts * Math.round(BookSummaries.ACT_WORDS * TOKENS_PER_WORD) + Math.round(BookSummaries.BOOK_WORDS * TOKENS_PER_WORD);
        long summaryCalls = acts + 1;
        if (realModel) {
            // a model that retells every summary it reads runs out of room over more than two: the acts and the book are
            // written from halves (BookSummaries), about one question per chapter, three in four shortened afterwards
            summaryCalls = Math.round(spec.chapters() * (1 + RETOLD_COMPRESSIONS_PER_CHAPTER));
            summaryIn = spec.chapters() * (2 * chapterSummaryTokens + 300);
            summaryOut = spec.chapters() * (SUMMARY_ASK_TOKENS + Math.round(RETOLD_COMPRESSIONS_PER_CHAPTER * (BookSummaries.ACT_WORDS * 2 + 50)));
        }
        long cheapIn = memoryIn + compressIn + summaryIn;
        long cheapOut = memoryOut + compressOut + summaryOut;
        BigDecimal cost = options.prices().cost(spec.provider(), spec.model(), new Usage(planIn + draftIn, planOut + scenes * sceneOut + reaskOut, 0, 0))
                .add(options.prices().cost(spec.provider(), spec.summaryModelOrDefault(), new Usage(cheapIn, cheapOut, 0, 0)));
        boolean priced = options.prices().knows(spec.provider(), spec.model()) && options.prices().knows(spec.provider(), spec.summaryModelOrDefault());
        long calls = 5 + (spec.chapters() + 4) / 5 + 2L * scenes + reasks + memoryRetries + compressions + summaryCalls;
        return new Estimate(calls, scenes, planIn + draftIn + cheapIn, planOut + scenes * sceneOut + reaskOut + cheapOut, cost, priced);
    }
}
