package com.authorworks.publishing.internal.script;

/** One element of a Fountain script. */
public record ScriptElement(Type type, String text) {

    /** Fountain element types, named with their Final Draft paragraph type. */
    public enum Type {
        SCENE_HEADING("Scene Heading"), ACTION("Action"), CHARACTER("Character"), PARENTHETICAL("Parenthetical"),
        DIALOGUE("Dialogue"), TRANSITION("Transition"), CENTERED("Action"), LYRIC("Dialogue"),
        SECTION("General"), PAGE_BREAK("General");

        private final String finalDraft;

        Type(String finalDraft) {
            this.finalDraft = finalDraft;
        }

        public String finalDraftType() {
            return finalDraft;
        }

        /** The CSS class the HTML-based writers style this element with. */
        public String cssClass() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
