package com.authorworks.content.internal;

import java.util.Locale;

import com.authorworks.platform.Problem;

/** The plan of a book, step by step; each is one JSON document the author can read and edit. */
public enum ArtifactKind {
    BRAINDUMP, GENRE, STYLE, CHARACTERS, SYNOPSIS, OUTLINE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArtifactKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("artifact-kind-not-found",
                    "There is no artifact '" + text + "': use braindump, genre, style, characters, synopsis or outline.");
        }
    }
}
