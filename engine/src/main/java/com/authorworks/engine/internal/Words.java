package com.authorworks.engine.internal;

/** Word counting, the one way the engine counts words. */
public final class Words {

    private Words() {
    }

    public static int count(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
