package com.authorworks.engine.assist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the author asks the assistant to do; every action but {@link #CONTINUE} works on a selected passage. */
public enum AssistAction {
    CONTINUE("continue"), REWRITE("rewrite"), EXPAND("expand"), SHORTEN("shorten"), FIX_GRAMMAR("fix-grammar");

    private final String id;

    AssistAction(String id) {
        this.id = id;
    }

    /** The action's name in the API and in prompts, e.g. {@code fix-grammar}. */
    public String id() {
        return id;
    }

    public boolean needsSelection() {
        return this != CONTINUE;
    }

    public static Optional<AssistAction> parse(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(wanted)).findFirst();
    }
}
