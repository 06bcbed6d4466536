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
     * The text cut to at most {@code limit} words: at the last sentence end within them when there is one
     * in the second half, else at the word, marked with an ellipsis. A model's text never enters a prompt
     * longer than the engine allows, whatever the model wrote.
     */
    public static String capped(String text, int limit) {
        String stripped = text == null ? "" : text.strip();
        String[] words = stripped.split("\\s+");
        if (words.length <= limit) {
            return stripped;
        }
        String head = String.join(" ", java.util.Arrays.copyOf(words, limit));
        int end = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        if (head.endsWith(".") || head.endsWith("!") || head.endsWith("?")) {
            return head;
        }
        return end > head.length() / 2 ? head.substring(0, end + 1) : head + " …";
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
