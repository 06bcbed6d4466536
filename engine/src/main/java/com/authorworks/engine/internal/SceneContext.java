package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a scene's calls are told: the drafting prompt, assembled under the scene budget from the plan,
 * the ledger, the summaries and the previous scene's ending, and the ledger the memory call checks against.
 */
final class SceneContext {

    private static final int TAIL_WORDS = 300;
    /**
     * How many earlier chapters a scene prompt summarises one by one; older ones are covered by the
     * book synopsis and the act summary. Keeps prompt size flat over a long book.
     */
    private static final int RECENT_CHAPTERS = 3;
    /** How many subjects a scene's plan merely mentions get ledger entries, so the ledger part stays bounded. */
    private static final int MENTIONED_SUBJECTS = 3;

    private final BookSpec spec;
    private final Outline outline;
    private final StoryLedger ledger;
    private final StepStore steps;
    private final String drafterSystem;
    private final int budget;

    SceneContext(BookSpec spec, Outline outline, StoryLedger ledger, StepStore steps, String drafterSystem, int budget) {
        this.spec = spec;
        this.outline = outline;
        this.ledger = ledger;
        this.steps = steps;
        this.drafterSystem = drafterSystem;
        this.budget = budget;
    }

    String drafterSystem() {
        return drafterSystem;
    }

    /** The drafting prompt of a scene, with its manifest. */
    ContextBuilder.Built draftingPrompt(int c, int s) {
        Outline.ChapterPlan chapter = outline.chapter(c);
        Outline.ScenePlan scene = chapter.scenes().get(s - 1);
        ScenePosition position = new ScenePosition(c, s);
        int window = spec.chapterWindow();
        String unit = spec.format().unit();
        List<ContextBuilder.Part> parts = new ArrayList<>();
        parts.add(new ContextBuilder.Part("scene beats", 2, 90, "This " + spec.format().part(),
                List.of(Prompts.sceneTask(spec.format(), c, s, scene)), false, true));
        parts.add(new ContextBuilder.Part("story ledger", 3, 40, "Story ledger: facts in force before this " + spec.format().part(),
                ledgerItems(ledger.asOf(position, involved(scene, visibleFrom(position)), visibleFrom(position))), false, false));
        StringBuilder plan = new StringBuilder(unit + " " + c + ": " + chapter.title() + "\n" + chapter.summary() + "\n");
        for (int i = 0; i < chapter.scenes().size(); i++) {
            plan.append(i + 1).append(". ").append(chapter.scenes().get(i).title())
                    .append(i + 1 == s ? " (this one)" : i + 1 < s ? " (written)" : "").append('\n');
        }
        parts.add(new ContextBuilder.Part("chapter plan", 4, 30, "This " + unit.toLowerCase(Locale.ROOT) + "'s plan", List.of(plan.toString().strip()),
                false, false));
        Outline.Act act = outline.acts().get(outline.actOf(c) - 1);
        parts.add(new ContextBuilder.Part("act summary", 6, 15, "This act", List.of(act.title() + ": " + act.summary()), false, false));
        List<String> earlierScenes = new ArrayList<>();
        for (int i = 1; i < s; i++) {
            earlierScenes.add(i + ". " + Json.read(steps.record(StepKeys.memory(c, i)).content(), SceneMemory.class).summary());
        }
        parts.add(new ContextBuilder.Part("previous scenes", 7, 25, "Earlier in this " + unit.toLowerCase(Locale.ROOT), earlierScenes, true, false));
        List<String> earlierChapters = new ArrayList<>();
        List<ContextManifest.Part> notVisible = new ArrayList<>();
        for (int k = Math.max(1, c - RECENT_CHAPTERS); k < c; k++) {
            if (k <= c - window) {
                earlierChapters.add(unit + " " + k + ": " + steps.chapterSummary(k));
            } else {
                earlierChapters.add(unit + " " + k + " (as planned): " + outline.chapter(k).summary());
                notVisible.add(new ContextManifest.Part(unit.toLowerCase(Locale.ROOT) + " " + k + " as written", 8, 0, 0, 1,
                        ContextManifest.Status.NOT_VISIBLE, "drafted alongside this one (chapter window " + window
                        + "): its plan stood in for its summary, ledger facts and ending"));
            }
        }
        parts.add(new ContextBuilder.Part("previous chapters", 8, 20, "Previous " + Prompts.plural(unit).toLowerCase(Locale.ROOT),
                earlierChapters, true, false));
        String tail = s > 1 ? tail(steps.finalText(c, s - 1)) : c > 1 && c - 1 <= c - window
                ? tail(steps.finalText(c - 1, outline.chapter(c - 1).scenes().size())) : null;
        if (tail != null) {
            parts.add(new ContextBuilder.Part("previous scene ending", 9, 50, "How the previous " + spec.format().part() + " ended (verbatim)",
                    List.of(tail), false, false));
        }
        return ContextBuilder.build(StepKeys.draft(c, s), drafterSystem, parts, notVisible, budget);
    }

    /** The ledger a scene's memory call checks the scene against: what earlier scenes established about who is present and the setting. */
    String memoryLedger(int c, int s) {
        Outline.ScenePlan scene = outline.chapter(c).scenes().get(s - 1);
        ScenePosition position = new ScenePosition(c, s);
        List<String> checked = new ArrayList<>(List.of(scene.pov()));
        checked.addAll(scene.characters());
        checked.add(scene.setting());
        return String.join("\n", ledgerItems(ledger.asOf(position, checked, establishedByScenes(visibleFrom(position)))));
    }

    /** What a scene at this position may know: the plan, chapters finished before it started, its own chapter's earlier scenes. */
    private Predicate<ScenePosition> visibleFrom(ScenePosition position) {
        int window = spec.chapterWindow();
        return p -> p.equals(ScenePosition.PLAN) || p.chapter() <= position.chapter() - window
                || (p.chapter() == position.chapter() && p.scene() < position.scene());
    }

    /** The ledger subjects a scene involves: its POV, who is present, its setting, and anything its plan names. */
    private List<String> involved(Outline.ScenePlan scene, Predicate<ScenePosition> visible) {
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(scene.pov());
        subjects.addAll(scene.characters());
        subjects.add(scene.setting());
        ledger.mentionedIn(scene.title() + " " + scene.setting() + " " + String.join(" ", scene.beats()), visible).stream()
                .filter(name -> !subjects.contains(name)).limit(MENTIONED_SUBJECTS).forEach(subjects::add);
        return List.copyOf(subjects);
    }

    /** Each subject's facts in force, latest per attribute (when they began is left out: only what holds matters). */
    private static List<String> ledgerItems(Map<String, List<Fact>> facts) {
        return facts.entrySet().stream().map(e -> e.getKey() + ": " + String.join("; ", e.getValue().stream()
                .map(f -> f.attribute() + " = " + f.value()).toList())).toList();
    }

    /**
     * Facts that scenes established, among those visible: what the keeper checks a scene against (the
     * cast as planned is the drafter's to follow; a scene is checked against what the story has made true).
     */
    private static Predicate<ScenePosition> establishedByScenes(Predicate<ScenePosition> visible) {
        return p -> !p.equals(ScenePosition.PLAN) && visible.test(p);
    }

    private static String tail(String text) {
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length <= TAIL_WORDS) {
            return text.strip();
        }
        return "…" + String.join(" ", java.util.Arrays.copyOfRange(tokens, tokens.length - TAIL_WORDS, tokens.length));
    }
}
