package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.Format;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.StyleGuide;
import com.authorworks.engine.story.Synopsis;

import java.util.List;
import java.util.Locale;

/** The words the engine says to models. Format-specific where the format changes the task. */
public final class Prompts {

    /** Introduces the lines a script scene opens with, one per line (the sample writer reads them back). */
    public static final String OPEN_WITH = "Open the scene with these lines, each on its own with a blank line after it:";
    /** Introduces the lines a script scene ends with. */
    public static final String END_WITH = "End the scene with this line, on its own after a blank line:";

    /** Opens the author's genre wish in the planner's prompt (the sample writer reads it back). */
    public static final String AUTHOR_GENRE = "The author's genre:";
    /** Opens the author's style wishes in the planner's prompt. */
    public static final String AUTHOR_STYLE = "The author's style:";
    /** Introduces the author's idea, to the end of the planner's prompt. */
    public static final String AUTHOR_IDEA = "The author's idea:";

    private Prompts() {
    }

    /** The planner's system prompt: the same for every plan step of a book, so it caches. */
    public static String planner(BookSpec spec) {
        Format f = spec.format();
        return "You are a senior development editor planning a " + f.label() + " titled \"" + spec.title() + "\" of about "
                + spec.targetWords() + " words in " + spec.chapters() + " " + plural(f.unit()) + ". "
                + "You answer with JSON matching the given schema, nothing else. Be specific and concrete: names, places, "
                + "stakes. Stay true to the author's idea" + (spec.genre() != null || spec.style() != null ? " and wishes" : "") + ".\n\n"
                + (spec.genre() != null ? AUTHOR_GENRE + " " + oneLine(spec.genre()) + "\n" : "")
                + (spec.style() != null ? AUTHOR_STYLE + " " + oneLine(spec.style()) + "\n" : "")
                + (spec.genre() != null || spec.style() != null ? "\n" : "")
                + AUTHOR_IDEA + "\n" + spec.braindump().strip();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    public static String genre() {
        return "Decide the genre, audience, tone and comparable titles for this work.";
    }

    public static String style(String genreJson) {
        return "Genre decisions:\n" + genreJson + "\n\nWrite the style guide every scene will follow.";
    }

    public static String characters(BookSpec spec, String genreJson, String styleJson) {
        String who = spec.format() == Format.NON_FICTION ? "the people, sources and ideas the book follows" : "the main characters";
        return "Genre:\n" + genreJson + "\n\nStyle:\n" + styleJson + "\n\nCreate " + who
                + ". Give aliases only for names the text will really use (nicknames, titles).";
    }

    public static String synopsis(String castJson) {
        return "Characters:\n" + castJson + "\n\nWrite the synopsis of the whole work, including the ending.";
    }

    /** First pass of the outline: acts and what each chapter does, no scenes yet. */
    public static String outlineSkeleton(BookSpec spec, String synopsisJson, String castJson, int[] actEnds) {
        Format f = spec.format();
        return "Synopsis:\n" + synopsisJson + "\n\nCharacters:\n" + castJson + "\n\nOutline the " + f.label() + " in exactly "
                + spec.chapters() + " " + plural(f.unit()).toLowerCase() + " grouped in " + actEnds.length + " " + movement(f) + (actEnds.length == 1 ? "" : "s") + ":\n" + acts(f, actEnds)
                + "For each " + f.unit().toLowerCase() + " give its title, what happens in it (events, turning points, what changes "
                + "for whom), so that its " + f.part() + "s can be planned from it alone, and its outcomes: the consequential changes "
                + "later " + plural(f.unit()).toLowerCase() + " must know about (who learns what, who is hurt, where people and things go)."
                + structure(f, spec.chapters());
    }

    /** What a script format's divisions are, so the outline plans them as the script will be headed. */
    private static String structure(Format f, int chapters) {
        return switch (f) {
            case TV_EPISODE -> chapters > 1 ? "\n" + f.unit() + " 1 is the cold open (teaser): a short hook before the titles, usually one "
                    + "scene. " + (chapters == 2 ? f.unit() + " 2 is the episode's one act" : plural(f.unit()) + " 2 to " + chapters
                    + " are the episode's acts one to " + ScriptChecks.number(chapters - 1).toLowerCase(Locale.ROOT))
                    + ", each ending on an act-out." : "\nIts first scene is the cold open (teaser): a short hook before the titles.";
            case STAGE_PLAY -> "\nEach " + f.unit().toLowerCase() + " is an act of the play; each of its scenes plays in one set.";
            default -> "";
        };
    }

    /**
     * The system prompt of the second pass, identical for every chapter of the book so providers cache
     * it: the planner's instructions, the synopsis, the cast and the skeleton.
     */
    public static String chapterPlanner(BookSpec spec, String synopsisJson, String castJson, String skeleton) {
        return planner(spec) + "\n\nSynopsis:\n" + synopsisJson + "\n\nCharacters:\n" + castJson + "\n\nThe outline, "
                + plural(spec.format().unit()).toLowerCase() + " by " + spec.format().unit().toLowerCase() + ":\n" + skeleton;
    }

    /** Second pass of the outline, one call per few chapters: their scenes. */
    public static String chapterScenes(Format f, int first, List<OutlineSkeleton.Chapter> chapters, int minScenes, int maxScenes,
                                       int sceneWords) {
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < chapters.size(); i++) {
            which.append(f.unit()).append(' ').append(first + i).append(", \"").append(chapters.get(i).title()).append("\": ")
                    .append(chapters.get(i).summary()).append('\n');
        }
        return "Plan the " + f.part() + "s of these " + plural(f.unit()).toLowerCase() + ", in this order:\n" + which + "\nGive each "
                + (minScenes == maxScenes ? String.valueOf(minScenes) : minScenes + " to " + maxScenes) + " " + f.part() + "s that carry "
                + "it out and connect with the " + plural(f.unit()).toLowerCase() + " around it. Each " + f.part()
                + " has a point-of-view character, who is present, the setting, the beats in order and a word target (about "
                + sceneWords + " words per " + f.part() + ").";
    }

    /** What the outline calls its groups of chapters: acts, except where the chapters themselves are a TV episode's acts. */
    private static String movement(Format f) {
        return f == Format.TV_EPISODE ? "movement" : "act";
    }

    private static String acts(Format f, int[] actEnds) {
        StringBuilder acts = new StringBuilder();
        int start = 1;
        for (int a = 0; a < actEnds.length; a++) {
            acts.append(movement(f).substring(0, 1).toUpperCase()).append(movement(f).substring(1)).append(' ').append(a + 1).append(": ").append(plural(f.unit())).append(' ').append(start).append('-').append(actEnds[a]).append(".\n");
            start = actEnds[a] + 1;
        }
        return acts.toString();
    }

    /**
     * The drafting system prompt: instructions, style guide, synopsis and cast sheet, identical for every
     * scene of the book and placed first, so providers cache it as one stable prefix (and every scene knows
     * the whole cast as planned). Each plan text is capped in words, so the prefix stays bounded whatever
     * the planner wrote.
     */
    public static String drafter(BookSpec spec, StyleGuide style, Synopsis synopsis, Cast cast, Outline outline) {
        Format f = spec.format();
        StyleGuide guide = styleFor(f, style);
        String only = f.script() ? "Write only the " + f.part() + " itself, as Fountain text: no title, no title page, no notes, "
                + "no commentary before or after it."
                : "Write only the " + f.part() + " itself: no title, no heading, no notes.";
        return "You are writing a " + f.label() + " titled \"" + spec.title() + "\", one " + f.part() + " at a time. "
                + f.draftingRules() + "\n" + only + " "
                + "Keep every fact consistent with the story ledger you are given; do not resolve what the beats leave open.\n\n"
                + "Style guide:\n" + Words.capped(guide.render(), 400) + "\n\nThe story:\n" + Words.capped(synopsis.logline(), 60) + "\n"
                + Words.capped(synopsis.synopsis(), 600) + "\n\n" + castSheet(cast) + "\n\n" + plan(f, outline);
    }

    /** Words of the whole plan in the drafting prefix, however many chapters the book has. */
    private static final int PLAN_WORDS = 900;

    /**
     * The whole plan at a glance, chapter by chapter: title and planned outcomes, each chapter's share of
     * {@link #PLAN_WORDS} the same, so the prefix does not grow with the chapter count. It orients every
     * scene (and lets chapters drafted side by side know each other's outcomes) without being the scene's task.
     */
    static String plan(Format f, Outline outline) {
        int each = Math.max(8, PLAN_WORDS / Math.max(1, outline.chapters().size()));
        StringBuilder text = new StringBuilder("The plan of the whole work, for orientation only (write just the " + f.part()
                + " you are given; nothing planned for later may happen early):");
        for (int c = 1; c <= outline.chapters().size(); c++) {
            Outline.ChapterPlan chapter = outline.chapter(c);
            String outcomes = chapter.outcomes().isEmpty() ? chapter.summary() : String.join("; ", chapter.outcomes());
            text.append("\n").append(f.unit()).append(' ').append(c).append(": ").append(Words.capped(chapter.title() + " — " + outcomes, each));
        }
        return text.toString();
    }

    /** Who is who, as planned: one short paragraph per character, in the cast's order. */
    static String castSheet(Cast cast) {
        StringBuilder sheet = new StringBuilder("The cast:");
        for (Cast.Character c : cast.characters()) {
            sheet.append("\n- ").append(c.name());
            if (!c.aliases().isEmpty()) {
                sheet.append(" (also ").append(String.join(", ", c.aliases())).append(')');
            }
            sheet.append(": ").append(Words.capped(c.role(), 12)).append(". ").append(Words.capped(c.description(), 45))
                    .append(" Wants: ").append(Words.capped(c.goal(), 25)).append(" Flaw: ").append(Words.capped(c.flaw(), 20))
                    .append(" Arc: ").append(Words.capped(c.arc(), 25));
        }
        return sheet.toString();
    }

    /** The style guide as a format writes by it: a script's action is in the present tense whatever tense the plan chose. */
    static StyleGuide styleFor(Format f, StyleGuide style) {
        return f.script() ? new StyleGuide(style.voice(), "present", style.person(), style.proseRules(), style.dialogueRules(), style.avoid())
                : style;
    }

    /** The scene's own task; for a script also the lines its place in the act structure asks for ({@link ScriptChecks#frame}). */
    public static String sceneTask(Format f, int chapter, int scene, Outline.ScenePlan plan, ScriptChecks.Frame frame) {
        StringBuilder layout = new StringBuilder();
        if (!frame.note().isEmpty()) {
            layout.append("\n\n").append(frame.note());
        }
        if (!frame.opening().isEmpty()) {
            layout.append("\n\n").append(OPEN_WITH).append('\n').append(String.join("\n", frame.opening()));
        }
        if (!frame.closing().isEmpty()) {
            layout.append("\n\n").append(END_WITH).append('\n').append(String.join("\n", frame.closing()));
        }
        return f.unit() + " " + chapter + ", " + f.part() + " " + scene + ": " + Words.capped(plan.title(), 20) + "\n"
                + "POV: " + plan.pov() + "\nCharacters present: " + String.join(", ", plan.characters()) + "\nSetting: "
                + Words.capped(plan.setting(), 20)
                + "\nBeats:\n" + String.join("\n", plan.beats().stream().limit(8).map(b -> "- " + Words.capped(b, 50)).toList())
                + layout + "\n\nWrite about " + plan.wordTarget() + " words.";
    }

    public static String keeper(BookSpec spec) {
        return "You keep the continuity ledger of a " + spec.format().label() + " titled \"" + spec.title() + "\". "
                + "You answer with JSON matching the given schema, nothing else. Facts are durable states that later scenes must respect "
                + "(where someone is, what they carry, injuries, what they know, relationships, how places and objects change). "
                + "Report a contradiction only when the scene clearly conflicts with a ledger fact, quoting the passage exactly.";
    }

    public static String memory(int chapter, int scene, Outline.ScenePlan plan, String ledger, String text) {
        return "Scene " + chapter + "." + scene + ": " + plan.title() + "\nCharacters present: " + String.join(", ", plan.characters())
                + "\nSetting: " + plan.setting() + "\n\n## Ledger before this scene (what earlier scenes established)\n\n"
                + (ledger.isBlank() ? "(nothing yet)" : ledger)
                + "\n\n## Scene text\n\n" + text
                + "\n\nSummarise the scene, list the facts it establishes or changes, and any contradiction with the ledger.";
    }

    /** The memory call of a chapter's last scene, which also summarises the chapter. */
    public static String lastMemory(Format f, int chapter, int scene, String title, Outline.ScenePlan plan, String ledger, String text,
                                    String earlierSummaries) {
        return memory(chapter, scene, plan, ledger, text) + "\nThis is the last " + f.part() + " of " + f.unit().toLowerCase() + " "
                + chapter + " (\"" + title + "\")" + (earlierSummaries.isBlank() ? "" : ", whose earlier " + f.part() + "s were:\n"
                + earlierSummaries.strip()) + "\nAlso summarise the whole " + f.unit().toLowerCase()
                + " for a writer continuing the book: events, changes, open threads.";
    }

    /** Asks for a summary that came out too long to be said again in fewer words. */
    public static String compression(String summary, int words) {
        return "Shorten this summary to at most " + words + " words. Keep the names, places and objects, and every change of "
                + "state (who is where, who has what, who knows what, who is hurt). Answer with the summary only.\n\n" + summary.strip();
    }

    public static String revision(String sceneText, String passage, String conflictsWith, String correction) {
        return "This passage of a scene contradicts an established fact.\n\nFact: " + conflictsWith + "\nCorrection: " + correction
                + "\n\nPassage:\n" + passage + "\n\nScene for context:\n" + sceneText
                + "\n\nRewrite only the passage so it agrees with the fact, same length and style. Answer with the rewritten passage only.";
    }

    public static String chapterSummary(Format f, int chapter, String title, String sceneSummaries) {
        return "Summaries of the " + f.part() + "s of " + f.unit().toLowerCase() + " " + chapter + " (\"" + title + "\"):\n\n" + sceneSummaries
                + "\n\nSummarise the " + f.unit().toLowerCase() + " for a writer continuing the book: events, changes, open threads.";
    }

    /** A level of the summary hierarchy from the level below: an act from its chapters, the book from its acts. */
    public static String summaryOf(String what, String summaries, int words) {
        return "Summaries, in story order:\n\n" + summaries + "\n\nSummarise " + what + " in at most " + words
                + " words for a reader of the whole: events, changes, how threads stand.";
    }

    static String plural(String unit) {
        return unit + "s";
    }
}
