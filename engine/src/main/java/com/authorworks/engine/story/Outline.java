package com.authorworks.engine.story;

import java.util.List;

/**
 * Acts, chapters and scenes. Acts group chapters in fixed proportions decided by the engine (so
 * the chapter count is exact); word targets are rescaled by the engine to add up to the book's target.
 */
public record Outline(List<Act> acts, List<ChapterPlan> chapters) {

    public record Act(String title, String summary) {
    }

    /**
     * @param outcomes the chapter's planned consequential changes (who learns what, who is hurt, where things
     *                 go), which chapters drafted alongside it read before it is written; empty in outlines
     *                 made before outcomes were planned
     */
    public record ChapterPlan(String title, String summary, List<ScenePlan> scenes, List<String> outcomes) {

        public ChapterPlan {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }

        public ChapterPlan(String title, String summary, List<ScenePlan> scenes) {
            this(title, summary, scenes, List.of());
        }
    }

    /**
     * @param pov        the point-of-view character, one of the cast
     * @param characters who is present, the POV character included
     * @param setting    where it happens
     * @param beats      what happens, in order
     * @param wordTarget how long the drafted scene should be
     */
    public record ScenePlan(String title, String pov, List<String> characters, String setting, List<String> beats,
                            int wordTarget) {
    }

    public ChapterPlan chapter(int number) {
        return chapters.get(number - 1);
    }

    public int sceneCount() {
        return chapters.stream().mapToInt(c -> c.scenes().size()).sum();
    }

    /** The act (1-based) a chapter (1-based) belongs to, from the engine's fixed split. */
    public int actOf(int chapter) {
        return actOf(chapter, chapters.size(), acts.size());
    }

    public static int actOf(int chapter, int chapters, int acts) {
        int[] ends = actEnds(chapters, acts);
        for (int a = 0; a < ends.length; a++) {
            if (chapter <= ends[a]) {
                return a + 1;
            }
        }
        return acts;
    }

    /** The last chapter of each act: three acts split 25/50/25, others evenly. */
    public static int[] actEnds(int chapters, int acts) {
        int[] ends = new int[acts];
        for (int a = 0; a < acts; a++) {
            double share = acts == 3 ? new double[] {0.25, 0.75, 1.0}[a] : (a + 1) / (double) acts;
            ends[a] = Math.max(a + 1 > chapters ? chapters : a + 1, (int) Math.round(share * chapters));
        }
        ends[acts - 1] = chapters;
        return ends;
    }
}
