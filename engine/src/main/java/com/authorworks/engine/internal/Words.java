package com.authorworks.engine.internal;

/** Word counting, the one way the engine counts words. */
public final class Words {

    private Words() {
    }

    public static int count(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /**
     * The last {@code words} words of {@code text} as written, line breaks kept (a script's ending stays
     * Fountain), after an ellipsis when anything was cut.
     */
    public static String last(String text, int words) {
        String stripped = text.strip();
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("\\S+").matcher(stripped);
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        while (word.find()) {
            starts.add(word.start());
        }
        return starts.size() <= words ? stripped : "…" + stripped.substring(starts.get(starts.size() - words));
    }
}
