package com.authorworks.messaging.internal;

/** A cursor is a notification's number in its recipient's inbox, as text ({@code "12"}); {@code "0"} is before the first. */
final class Cursors {

    private static final int MAX_DIGITS = 18;

    private Cursors() {
    }

    /** The number, or null when the text is not a cursor. */
    static Long after(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(value);
    }
}
