package com.authorworks.engine.internal;

import com.authorworks.engine.story.Outline;

import java.util.List;

/**
 * The outline's first pass: acts and what each chapter does, before any chapter's scenes are planned.
 * The engine stores only the finished {@link Outline}.
 */
public record OutlineSkeleton(List<Outline.Act> acts, List<Chapter> chapters) {

    /** @param outcomes the chapter's consequential changes: who learns what, who is hurt, where people and things go */
    public record Chapter(String title, String summary, List<String> outcomes) {

        public Chapter {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }
    }

    /** One line per chapter, as the chapter planner reads it. */
    public String render(String unit) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < chapters.size(); c++) {
            text.append(unit).append(' ').append(c + 1).append(": ").append(chapters.get(c).title()).append(" — ")
                    .append(chapters.get(c).summary());
            if (!chapters.get(c).outcomes().isEmpty()) {
                text.append(" Outcomes: ").append(String.join("; ", chapters.get(c).outcomes()));
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    /** The answer of a second-pass call: the scenes of each chapter it was asked about, in order. */
    public record ChapterScenes(List<Scenes> chapters) {

        public record Scenes(List<Outline.ScenePlan> scenes) {
        }
    }
}
