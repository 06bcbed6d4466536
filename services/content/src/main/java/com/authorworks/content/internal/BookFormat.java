package com.authorworks.content.internal;

import java.util.Locale;

import com.authorworks.platform.Problem;

/** The kinds of work the platform writes; spelt in the API as {@code novel}, {@code short-story}... */
public enum BookFormat {
    NOVEL, NOVELLA, SHORT_STORY, SCREENPLAY, STAGE_PLAY, TV_EPISODE, NON_FICTION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BookFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problem.badRequest("invalid-format", "format must be one of novel, novella, short-story, screenplay, "
                    + "stage-play, tv-episode, non-fiction; was " + text);
        }
    }
}
