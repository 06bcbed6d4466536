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
            "Write in Fountain screenplay format: scene headings like 'INT. KITCHEN - NIGHT', action lines in present tense, "
                    + "character names in capitals on their own line before dialogue, parentheticals sparingly. Only what can be seen and heard."),
    STAGE_PLAY("stage play", "Act", "scene", 2, 15_000, 2,
            "Write a stage play: bracketed stage directions in present tense, character names in capitals followed by a colon and their line. "
                    + "Everything must be stageable in one set per scene."),
    TV_EPISODE("TV episode", "Act", "scene", 1, 9_000, 5,
            "Write a teleplay in Fountain format: a cold open then acts ending on act-outs; scene headings, action, capitalised character cues."),
    NON_FICTION("non-fiction book", "Chapter", "section", 3, 50_000, 12,
            "Write clear expository non-fiction: claims supported by examples, concrete language, short paragraphs, no invented citations. "
                    + "'Characters' are the people, sources and ideas the book follows; 'scenes' are sections.");

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

    /** The name of the top-level division: Chapter, Sequence, Act, Part. */
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

    /** Parses {@code novel}, {@code short-story}, {@code SHORT_STORY}, {@code tv-episode}... */
    public static Format parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }
}
