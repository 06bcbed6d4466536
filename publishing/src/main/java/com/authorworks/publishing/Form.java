package com.authorworks.publishing;

/** The kind of work a manuscript is; scripts are written in Fountain, everything else in Markdown. */
public enum Form {
    NOVEL, NOVELLA, SHORT_STORY, NON_FICTION, POETRY, SCREENPLAY, STAGE_PLAY, TV_EPISODE;

    /** Whether scene bodies are Fountain script text rather than Markdown prose. */
    public boolean isScript() {
        return this == SCREENPLAY || this == STAGE_PLAY || this == TV_EPISODE;
    }
}
