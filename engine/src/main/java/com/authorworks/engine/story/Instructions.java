package com.authorworks.engine.story;

import java.util.Optional;

/**
 * The author's standing instructions for a book ("always British spelling", "no profanity"): plain text a host keeps
 * under {@link com.authorworks.engine.StepKeys#INSTRUCTIONS}, carried by every drafting and assist prompt. At most
 * {@link #MAX_CHARS} characters go into a prompt, whatever the store holds.
 */
public final class Instructions {

    /** The most a book's instructions may be. */
    public static final int MAX_CHARS = 1_000;

    private Instructions() {
    }

    /**
     * The instructions as a prompt carries them: stripped, none when blank; longer ones are cut within {@link #MAX_CHARS}
     * at the last line or sentence end in the second half, else at a word.
     */
    public static Optional<String> of(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            return Optional.empty();
        }
        if (stripped.length() <= MAX_CHARS) {
            return Optional.of(stripped);
        }
        String head = stripped.substring(0, MAX_CHARS);
        int end = Math.max(head.lastIndexOf('\n'), Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? "))));
        if (end > MAX_CHARS / 2) {
            return Optional.of(head.substring(0, head.charAt(end) == '\n' ? end : end + 1).strip());
        }
        int word = head.lastIndexOf(' ');
        return Optional.of((word > MAX_CHARS / 2 ? head.substring(0, word) : head).strip());
    }
}
