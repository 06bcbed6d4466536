package com.authorworks.engine.internal;

import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.ChapterSummary;
import com.authorworks.engine.story.Genre;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.StyleGuide;
import com.authorworks.engine.story.Synopsis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks a structured answer must pass beyond binding to its record. Each returns the problems
 * in words a model can act on (they are sent back with the retry); an empty list means valid.
 */
public final class PlanChecks {

    private PlanChecks() {
    }

    public static List<String> genre(Genre g) {
        return blank(g.genre()) ? List.of("genre is empty") : List.of();
    }

    public static List<String> style(StyleGuide s) {
        List<String> problems = new ArrayList<>();
        if (blank(s.voice())) {
            problems.add("voice is empty");
        }
        if (s.proseRules() == null || s.proseRules().isEmpty()) {
            problems.add("proseRules needs at least one rule");
        }
        return problems;
    }

    public static List<String> cast(Cast cast) {
        List<String> problems = new ArrayList<>();
        if (cast.characters() == null || cast.characters().size() < Schemas.CAST_MIN || cast.characters().size() > Schemas.CAST_MAX) {
            return List.of("characters needs " + Schemas.CAST_MIN + " to " + Schemas.CAST_MAX + " characters, it has "
                    + (cast.characters() == null ? 0 : cast.characters().size()));
        }
        Set<String> seen = new HashSet<>();
        for (Cast.Character c : cast.characters()) {
            if (blank(c.name())) {
                problems.add("a character has no name");
                continue;
            }
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                problems.add("the name '" + c.name() + "' is used twice");
            }
            for (String alias : c.aliases()) {
                if (!blank(alias) && !seen.add(alias.toLowerCase(Locale.ROOT))) {
                    problems.add("the alias '" + alias + "' of " + c.name() + " is already a name or alias of another character");
                }
            }
        }
        return problems;
    }

    public static List<String> synopsis(Synopsis s) {
        return blank(s.synopsis()) || blank(s.logline()) ? List.of("logline and synopsis must not be empty") : List.of();
    }

    public static List<String> outline(Outline o, int chapters, int acts, Cast cast) {
        List<String> problems = new ArrayList<>();
        if (o.chapters() == null || o.chapters().size() != chapters) {
            problems.add("chapters must have exactly " + chapters + " entries, it has " + (o.chapters() == null ? 0 : o.chapters().size()));
            return problems;
        }
        if (o.acts() == null || o.acts().size() != acts) {
            problems.add("acts must have exactly " + acts + " entries");
        }
        for (int c = 0; c < o.chapters().size(); c++) {
            problems.addAll(scenes(o.chapters().get(c).scenes(), "chapter " + (c + 1), cast));
        }
        return problems;
    }

    /** The outline's first pass: the act and chapter counts, and a title and summary for each chapter. */
    public static List<String> skeleton(OutlineSkeleton o, int chapters, int acts) {
        List<String> problems = new ArrayList<>();
        if (o.chapters() == null || o.chapters().size() != chapters) {
            problems.add("chapters must have exactly " + chapters + " entries, it has " + (o.chapters() == null ? 0 : o.chapters().size()));
        } else {
            for (int c = 0; c < o.chapters().size(); c++) {
                if (blank(o.chapters().get(c).title()) || blank(o.chapters().get(c).summary())) {
                    problems.add("chapter " + (c + 1) + " needs a title and a summary");
                }
            }
        }
        if (o.acts() == null || o.acts().size() != acts) {
            problems.add("acts must have exactly " + acts + " entries");
        }
        return problems;
    }

    /** A second-pass answer: exactly the chapters asked for, each with valid scenes. */
    public static List<String> scenes(OutlineSkeleton.ChapterScenes answer, int firstChapter, int chapters, String unit, Cast cast) {
        if (answer.chapters() == null || answer.chapters().size() != chapters) {
            return List.of("chapters must have exactly " + chapters + " entries, one per " + unit + " asked about, it has "
                    + (answer.chapters() == null ? 0 : answer.chapters().size()));
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < chapters; i++) {
            problems.addAll(scenes(answer.chapters().get(i).scenes(), unit + " " + (firstChapter + i), cast));
        }
        return problems;
    }

    /** One chapter's scenes: at least one, POV and presence from the cast, beats and a word target each. */
    public static List<String> scenes(List<Outline.ScenePlan> scenes, String chapter, Cast cast) {
        List<String> problems = new ArrayList<>();
        if (scenes == null || scenes.isEmpty()) {
            return List.of(chapter + " has no scenes");
        }
        for (int s = 0; s < scenes.size(); s++) {
            Outline.ScenePlan scene = scenes.get(s);
            String where = chapter + " scene " + (s + 1);
            if (blank(scene.pov()) || cast.find(scene.pov()).isEmpty()) {
                problems.add(where + ": pov '" + scene.pov() + "' is not in the cast " + cast.names());
            }
            for (String present : scene.characters() == null ? List.<String>of() : scene.characters()) {
                if (cast.find(present).isEmpty()) {
                    problems.add(where + ": '" + present + "' is not in the cast " + cast.names());
                }
            }
            if (scene.beats() == null || scene.beats().isEmpty()) {
                problems.add(where + ": needs at least one beat");
            }
            if (scene.wordTarget() <= 0) {
                problems.add(where + ": wordTarget must be positive");
            }
        }
        return problems;
    }

    public static List<String> memory(SceneMemory m) {
        List<String> problems = new ArrayList<>();
        if (blank(m.summary())) {
            problems.add("summary is empty");
        }
        for (SceneMemory.NewFact f : m.facts()) {
            if (blank(f.subject()) || blank(f.attribute()) || f.kind() == null) {
                problems.add("every fact needs a subject, a kind and an attribute");
            }
        }
        return problems;
    }

    public static List<String> lastMemory(LastSceneMemory m) {
        List<String> problems = new ArrayList<>(memory(m.memory()));
        if (blank(m.chapterSummary())) {
            problems.add("chapterSummary is empty");
        }
        return problems;
    }

    public static List<String> summary(ChapterSummary s) {
        return blank(s.summary()) ? List.of("summary is empty") : List.of();
    }

    /**
     * The outline as the engine uses it: the POV character always among those present, and word
     * targets rescaled (keeping their proportions) so they add up to the book's target.
     */
    public static Outline normalise(Outline o, int targetWords) {
        long planned = o.chapters().stream().flatMap(c -> c.scenes().stream()).mapToLong(Outline.ScenePlan::wordTarget).sum();
        double scale = planned == 0 ? 1 : targetWords / (double) planned;
        return new Outline(o.acts(), o.chapters().stream().map(c -> new Outline.ChapterPlan(c.title(), c.summary(),
                c.scenes().stream().map(s -> {
                    Set<String> present = new LinkedHashSet<>();
                    present.add(s.pov());
                    present.addAll(s.characters() == null ? List.of() : s.characters());
                    return new Outline.ScenePlan(s.title(), s.pov(), List.copyOf(present), s.setting(), s.beats(),
                            (int) Math.max(100, Math.round(s.wordTarget() * scale)));
                }).toList(), c.outcomes())).toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
