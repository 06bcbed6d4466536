package com.authorworks.engine;

/**
 * What kind of work is written. One story state (plan, ledger, summaries) serves every format;
 * the format decides the words the plan and drafting prompts use and the shape of the text.
 */
public enum Format {
    NOVEL("novel", "Chapter", "scene", 3, 80_000, 24,
            "Write narrative prose: scene-level action, dialogue in quotation marks, interiority for the point-of-view character."),
    NOVELLA("novella", "Chapter", "scene", 3, 30_000, 10,
            "Write narrative prose: scene-level action, dialogue in quotation marks, interiority for the point-of-view character."),
    SHORT_STORY("short story", "Part", "scene", 1, 6_000, 3,
            "Write tight narrative prose; every paragraph must move the story; no subplots."),
    SCREENPLAY("screenplay", "Sequence", "scene", 3, 20_000, 8,
            "Write a screenplay in Fountain format. " + Rules.FOUNTAIN + " Each scene opens with a scene heading (INT. or EXT., the place, "
                    + "a dash and the time, e.g. 'INT. KITCHEN - NIGHT'); a transition such as 'CUT TO:' only where the cut matters."),
    STAGE_PLAY("stage play", "Act", "scene", 2, 15_000, 2,
            "Write a stage play in Fountain format. " + Rules.FOUNTAIN + " Each scene opens with the act and scene headers you are given, "
                    + "then a stage direction describing the set and who is on stage; entrances, exits and business are stage directions "
                    + "(action lines), brief acting notes are parentheticals. Everything must be stageable in one set per scene."),
    TV_EPISODE("TV episode", "Part", "scene", 1, 9_000, 5,
            "Write a teleplay in Fountain format: a cold open (teaser) first, then acts that each end on an act-out. " + Rules.FOUNTAIN
                    + " Write the cold-open, act and end-of-act lines you are given; each scene opens with a scene heading "
                    + "(INT. or EXT., the place, a dash and the time)."),
    NON_FICTION("non-fiction book", "Chapter", "section", 3, 50_000, 12,
            "Write clear expository non-fiction: claims supported by examples, concrete language, short paragraphs, no invented citations. "
                    + "'Characters' are the people, sources and ideas the book follows; 'scenes' are sections.");

    /** The Fountain rules every script format shares, so no format's rules contradict another's. */
    private static final class Rules {
        static final String FOUNTAIN = "Action and stage directions in the present tense, short blocks of only what can be seen and heard. "
                + "Before each speech the character's name in capitals on its own line, the words on the next line; a parenthetical "
                + "such as (quietly) on its own line under the name, sparingly. Separate every element with a blank line. "
                + "No quotation marks around dialogue, no 'NAME: line', no narration or inner thoughts, no Markdown, no code fences.";
    }

    private final String label;
    private final String unit;
    private final String part;
    private final int acts;
    private final int defaultWords;
    private final int defaultChapters;
    private final String draftingRules;

    Format(String label, String unit, String part, int acts, int defaultWords, int defaultChapters, String draftingRules) {
        this.label = label;
        this.unit = unit;
        this.part = part;
        this.acts = acts;
        this.defaultWords = defaultWords;
        this.defaultChapters = defaultChapters;
        this.draftingRules = draftingRules;
    }

    /** How the work is called in prompts and headings, e.g. {@code screenplay}. */
    public String label() {
        return label;
    }

    /** The name of the top-level division: Chapter, Sequence, Act, Part (a TV episode's parts: the cold open, then its acts). */
    public String unit() {
        return unit;
    }

    /** The name of the drafted piece: scene, or section for non-fiction. */
    public String part() {
        return part;
    }

    /** How many acts (movements) the outline groups its chapters into. */
    public int acts() {
        return acts;
    }

    public int defaultWords() {
        return defaultWords;
    }

    public int defaultChapters() {
        return defaultChapters;
    }

    /** Format-specific drafting instructions, part of every drafting prompt's stable prefix. */
    public String draftingRules() {
        return draftingRules;
    }

    /** Whether the work is a script, written in Fountain and checked against it ({@code ScriptChecks}). */
    public boolean script() {
        return this == SCREENPLAY || this == STAGE_PLAY || this == TV_EPISODE;
    }

    /** Parses {@code novel}, {@code short-story}, {@code SHORT_STORY}, {@code tv-episode}... */
    public static Format parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }
}
