package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.story.Codex;
import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.Instructions;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a scene's calls are told: the drafting prompt, assembled under the scene budget from the plan,
 * the ledger, the summaries and the previous scene's ending, and the ledger the memory call checks against.
 * Every part has a share of the budget that does not depend on the chapter number, so no prompt grows
 * with the book. A scene sees what is finished and earlier in story order when its prompt is built: the
 * ledger holds only finished scenes' facts, and a chapter drafted alongside stands in with its plan and
 * planned outcomes until it is summarised.
 */
final class SceneContext {

    /** Words of the previous scene's ending given verbatim. */
    private static final int TAIL_WORDS = 200;
    /**
     * How many earlier chapters a scene prompt summarises one by one; older ones are covered by the
     * book synopsis and the act summary.
     */
    private static final int RECENT_CHAPTERS = 3;
    /** How many subjects a scene's plan merely mentions get ledger entries. */
    private static final int MENTIONED_SUBJECTS = 3;
    /** Each part's share of a drafting prompt, in tokens. */
    static final int LEDGER_TOKENS = 2_000;
    static final int CHAPTER_PLAN_TOKENS = 350;
    static final int ACT_TOKENS = 150;
    static final int SCENES_TOKENS = 450;
    static final int CHAPTERS_TOKENS = 700;
    static final int TAIL_TOKENS = 350;
    /**
     * The share the sentences of earlier scenes drafted but not yet remembered (drafted alongside, their memory call
     * under way) about the scene's subjects are sure of, in tokens: this much at least, and this much more for each
     * such scene they come from ({@link #UNREMEMBERED_TOKENS_PER_SCENE}) up to {@link #UNREMEMBERED_MOST_TOKENS}. With
     * twelve chapters drafted side by side at a slow provider's pace, up to eleven neighbours are unremembered at once.
     */
    static final int UNREMEMBERED_TOKENS = 300;
    static final int UNREMEMBERED_TOKENS_PER_SCENE = 100;
    static final int UNREMEMBERED_MOST_TOKENS = 600;
    /**
     * The ledger and those sentences together, in tokens. The sentences' sure share is taken out of the ledger's (it
     * gives up its least important facts when it is full, late in a book), and they may also have what the ledger does
     * not use (early in a book it is nearly empty): the two never take more than this, so the prompt does not grow.
     * 2,000 since the ledger is laid out as standing summaries (about 11 tokens a fact against 15: the whole history of a
     * 24-chapter book's last scenes, ~150 facts, takes ~1,650), 2,500 before and 3,000 before that: late in a book the
     * two together fill the share that the first chapters' prompts, with little to know yet, never reach, so the share
     * is what the last quarter's input per output token outgrows the first's by. At 60 tokens/s, window 12 (bench/README.md):
     * 2,500 gave last/first 1.16 and recall 0.983, 2,000 1.14 and 0.964, 1,700 1.09 and 0.945 (under the 0.95 target).
     * The sentences' sure share is 300-600 (600-1,200 before): a sentence carries one fact in about 24 tokens, a ledger
     * entry in 11.
     */
    static final int LEDGER_AND_UNREMEMBERED_TOKENS = LEDGER_TOKENS;
    /** Room for the heading of the sentences' part, over what the sentences take. */
    private static final int UNREMEMBERED_HEADING_TOKENS = 20;
    /** The ledger a memory call checks a scene against, in tokens. */
    static final int MEMORY_LEDGER_TOKENS = 600;

    private final BookSpec spec;
    private final Outline outline;
    private final StoryLedger ledger;
    private final StepStore steps;
    private final String drafterSystem;
    private final int budget;
    private final ScenesInFlight scenes;

    SceneContext(BookSpec spec, Outline outline, StoryLedger ledger, StepStore steps, String drafterSystem, int budget, ScenesInFlight scenes) {
        this.scenes = scenes;
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

    /** The lines a script scene opens and ends with where it stands in the act structure; none for prose. */
    ScriptChecks.Frame frame(int c, int s) {
        return ScriptChecks.frame(spec.format(), c, s, outline.chapter(c).scenes().size(), spec.chapters());
    }

    /** The drafting prompt of a scene, with its manifest. */
    ContextBuilder.Built draftingPrompt(int c, int s) {
        Outline.ChapterPlan chapter = outline.chapter(c);
        Outline.ScenePlan scene = chapter.scenes().get(s - 1);
        ScenePosition position = new ScenePosition(c, s);
        String unit = spec.format().unit();
        String unitLower = unit.toLowerCase(Locale.ROOT);
        List<ContextBuilder.Part> parts = new ArrayList<>();
        parts.add(new ContextBuilder.Part("scene beats", 2, 90, "This " + spec.format().part(),
                List.of(Prompts.sceneTask(spec.format(), c, s, scene, frame(c, s))), false, true));
        // the author's standing instructions close the prompt, where a model heeds them most
        steps.checkpoints().get(StepKeys.INSTRUCTIONS).flatMap(Instructions::of).ifPresent(text -> parts.add(
                new ContextBuilder.Part("author's instructions", 1, 95, "The author's standing instructions (they override the rest)",
                        List.of(text), false, true)));
        String tail = previousEnding(c, s);
        if (tail != null) {
            parts.add(new ContextBuilder.Part("previous scene ending", 3, 50, "How the previous " + spec.format().part() + " ended (verbatim)",
                    List.of(tail), false, false).capped(TAIL_TOKENS));
        }
        // the cast as planned is in the prefix: the ledger part holds what scenes have made true since
        Predicate<ScenePosition> established = p -> !p.equals(ScenePosition.PLAN);
        // what scenes before it established that the ledger does not have yet: their memory calls are under way
        UnrememberedSentences unremembered = new UnrememberedSentences(position, scenes.draftsBefore(position), subjects(scene));
        int sure = unremembered.tokensWithin(unrememberedShare(unremembered.scenes()));
        Optional<Codex> codex = steps.checkpoints().get(StepKeys.CODEX).map(json -> Json.read(json, Codex.class));
        ContextBuilder.Part ledgerPart;
        if (codex.isPresent()) {
            // the author's codex stands in for the ledger, under the same share: entries pinned always are trimmed last
            List<String> entries = codex.get().asOf(sceneIndex(c, s), planText(scene), previousText(c, s)).stream()
                    .map(Codex.Selected::text).toList();
            ledgerPart = new ContextBuilder.Part("codex", 4, 40, "Codex: what holds as of this " + spec.format().part(), entries, false,
                    false, LEDGER_AND_UNREMEMBERED_TOKENS - sure, true, chosen -> String.join("\n\n", chosen));
        } else {
            LedgerSelection facts = select(position, scene, established, true);
            ledgerPart = new ContextBuilder.Part("story ledger", 4, 40, "Story ledger: facts in force before this "
                    + spec.format().part(), facts.items(), false, false, LEDGER_AND_UNREMEMBERED_TOKENS - sure, true,
                    facts::render);
        }
        parts.add(ledgerPart);
        if (!unremembered.items().isEmpty()) {
            // what the ledger leaves goes to concrete sentences (a figure or an id): the others only fill the sure share
            int left = LEDGER_AND_UNREMEMBERED_TOKENS - ContextBuilder.tokensWithin(ledgerPart, ledgerPart.maxTokens());
            int share = Math.min(left, Math.max(sure, unremembered.tokensWithin(left, true)) + UNREMEMBERED_HEADING_TOKENS);
            parts.add(new ContextBuilder.Part("just written", 4, 45, "Just written, not yet in the ledger (in force unless the ledger is newer)",
                    unremembered.items(), false, false, share, true, unremembered::render));
        }
        StringBuilder plan = new StringBuilder(unit + " " + c + ": " + chapter.title() + "\n" + Words.capped(chapter.summary(), 150) + "\n");
        for (int i = 0; i < chapter.scenes().size(); i++) {
            plan.append(i + 1).append(". ").append(Words.capped(chapter.scenes().get(i).title(), 15))
                    .append(i + 1 == s ? " (this one)" : i + 1 < s ? " (written)" : "").append('\n');
        }
        parts.add(new ContextBuilder.Part("chapter plan", 5, 30, "This " + unitLower + "'s plan", List.of(plan.toString().strip()),
                false, false).capped(CHAPTER_PLAN_TOKENS));
        List<String> earlierScenes = new ArrayList<>();
        for (int i = 1; i < s; i++) {
            earlierScenes.add(i + ". " + Words.capped(Json.read(steps.record(StepKeys.memory(c, i)).content(), SceneMemory.class).summary(),
                    ChapterWriter.SCENE_SUMMARY_WORDS));
        }
        parts.add(new ContextBuilder.Part("previous scenes", 6, 25, "Earlier in this " + unitLower, earlierScenes, true, false)
                .capped(SCENES_TOKENS));
        List<String> earlierChapters = new ArrayList<>();
        List<ContextManifest.Part> notVisible = new ArrayList<>();
        for (int k = Math.max(1, c - RECENT_CHAPTERS); k < c; k++) {
            var written = steps.find(StepKeys.chapterSummary(k));
            if (written.isPresent()) {
                earlierChapters.add(unit + " " + k + ": " + Words.capped(steps.chapterSummary(k), ChapterWriter.CHAPTER_SUMMARY_WORDS));
            } else {
                Outline.ChapterPlan planned = outline.chapter(k);
                earlierChapters.add(unit + " " + k + " (being written; as planned): " + Words.capped(planned.summary(), 120)
                        + (planned.outcomes().isEmpty() ? "" : " Planned outcomes: "
                        + Words.capped(String.join("; ", planned.outcomes()), 80)));
                notVisible.add(new ContextManifest.Part(unitLower + " " + k + " as written", 7, 0, 0, 1, ContextManifest.Status.NOT_VISIBLE,
                        "drafted alongside this one: its plan and planned outcomes stood in for its summary; the facts of its finished "
                                + spec.format().part() + "s are in the ledger"));
            }
        }
        parts.add(new ContextBuilder.Part("previous chapters", 7, 20, "Previous " + Prompts.plural(unit).toLowerCase(Locale.ROOT),
                earlierChapters, true, false).capped(CHAPTERS_TOKENS));
        Outline.Act act = outline.acts().get(outline.actOf(c) - 1);
        parts.add(new ContextBuilder.Part("act summary", 8, 15, "This act", List.of(act.title() + ": " + Words.capped(act.summary(), 100)),
                false, false).capped(ACT_TOKENS));
        return ContextBuilder.build(StepKeys.draft(c, s), drafterSystem, parts, notVisible, budget);
    }

    /**
     * The ledger a scene's memory call checks the scene against: what earlier scenes established about who
     * is present and the setting (the cast as planned is the drafter's to follow), chosen like the drafting
     * ledger under a fixed share.
     */
    String memoryLedger(int c, int s) {
        Outline.ScenePlan scene = outline.chapter(c).scenes().get(s - 1);
        LedgerSelection facts = select(new ScenePosition(c, s), scene, p -> !p.equals(ScenePosition.PLAN), false);
        List<String> chosen = new ArrayList<>();
        int tokens = 0;
        for (String item : facts.items()) {
            int t = TokenCounter.count(item) + 1;
            if (tokens + t <= MEMORY_LEDGER_TOKENS) {
                chosen.add(item);
                tokens += t;
            }
        }
        return facts.render(chosen);
    }

    /** The scene counted through the book, as the codex counts it. */
    private int sceneIndex(int c, int s) {
        return Codex.sceneIndex(outline.chapters().stream().map(ch -> ch.scenes().size()).toList(), c, s);
    }

    /** What a scene's plan names: the codex entries it mentions go into its prompt. */
    private static String planText(Outline.ScenePlan scene) {
        return String.join(" ", subjects(scene)) + " " + scene.title() + " " + String.join(" ", scene.beats());
    }

    /** The previous scene's whole text, when that scene is finished; empty otherwise. */
    private String previousText(int c, int s) {
        return s > 1 ? steps.finalText(c, s - 1) : c > 1 ? steps.finalText(c - 1, outline.chapter(c - 1).scenes().size()) : "";
    }

    /** The previous scene's ending, when that scene is finished (for a chapter's first scene: the previous chapter's last). */
    private String previousEnding(int c, int s) {
        String text = s > 1 ? steps.finalText(c, s - 1) : c > 1 ? steps.finalText(c - 1, outline.chapter(c - 1).scenes().size()) : "";
        return text.isBlank() ? null : tail(text);
    }

    private LedgerSelection select(ScenePosition position, Outline.ScenePlan scene, Predicate<ScenePosition> which, boolean withMentioned) {
        Predicate<ScenePosition> visible = p -> p.isBefore(position) && which.test(p);
        Set<String> present = subjects(scene);
        Map<String, List<Fact>> direct = ledger.asOf(position, present, visible);
        Map<String, List<Fact>> mentioned = Map.of();
        if (withMentioned) {
            List<String> named = ledger.mentionedIn(scene.title() + " " + scene.setting() + " " + String.join(" ", scene.beats()), visible)
                    .stream().filter(name -> !direct.containsKey(name) && !present.contains(name)).limit(MENTIONED_SUBJECTS).toList();
            mentioned = ledger.asOf(position, named, visible);
        }
        return new LedgerSelection(direct, mentioned);
    }

    /** What the sentences of {@code scenes} unremembered scenes are sure of: {@link #UNREMEMBERED_TOKENS} and more with more scenes. */
    static int unrememberedShare(int scenes) {
        return Math.clamp((long) scenes * UNREMEMBERED_TOKENS_PER_SCENE, UNREMEMBERED_TOKENS, UNREMEMBERED_MOST_TOKENS);
    }

    /** Who and what a scene involves directly: its point of view, its characters and its setting. */
    private static Set<String> subjects(Outline.ScenePlan scene) {
        Set<String> present = new LinkedHashSet<>();
        present.add(scene.pov());
        present.addAll(scene.characters());
        present.add(scene.setting());
        return present;
    }

    private static String tail(String text) {
        return Words.last(text, TAIL_WORDS);
    }
}
