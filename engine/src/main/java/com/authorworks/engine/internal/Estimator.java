package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.Estimate;
import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;

/**
 * Expected tokens and cost of a book from its spec alone, with the same scene arithmetic as the
 * pipeline. Scene prompts are counted at their budget, the worst case once the book is under way.
 */
public final class Estimator {

    private static final double TOKENS_PER_WORD = 1.35;

    private Estimator() {
    }

    public static Estimate estimate(BookSpec spec, EngineOptions options) {
        double perChapter = spec.targetWords() / (double) spec.chapters();
        int scenesPerChapter = (int) Math.max(1, Math.min(6, Math.round(perChapter / 1500)));
        int scenes = scenesPerChapter * spec.chapters();
        long sceneOut = Math.round(spec.targetWords() / (double) scenes * TOKENS_PER_WORD);
        // four plan steps, the outline's skeleton, then one call per five chapters for their scenes over the skeleton;
        // chapter summaries come with the memory of each chapter's last scene
        long planIn = 4 * 1_500L + 4_000 + (spec.chapters() + 4) / 5 * (4_000L + 100L * spec.chapters());
        long planOut = 4 * 700L + spec.chapters() * 120L + 300L * scenes;
        long draftIn = (long) scenes * options.sceneContextTokens();
        long memoryIn = scenes * (sceneOut + 900);
        long memoryOut = scenes * 350L;
        long summaryIn = spec.chapters() * (scenesPerChapter * 200L + 300) + spec.chapters() * 250L + 300;
        long summaryOut = (spec.chapters() + 1) * 250L;
        BigDecimal cost = options.prices().cost(spec.provider(), spec.model(), new Usage(planIn + draftIn, planOut + scenes * sceneOut, 0, 0))
                .add(options.prices().cost(spec.provider(), spec.summaryModelOrDefault(),
                        new Usage(memoryIn + summaryIn, memoryOut + summaryOut, 0, 0)));
        boolean priced = options.prices().knows(spec.provider(), spec.model()) && options.prices().knows(spec.provider(), spec.summaryModelOrDefault());
        return new Estimate(5 + (spec.chapters() + 4) / 5 + 2L * scenes + 1, scenes, planIn + draftIn + memoryIn + summaryIn,
                planOut + scenes * sceneOut + memoryOut + summaryOut, cost, priced);
    }
}
