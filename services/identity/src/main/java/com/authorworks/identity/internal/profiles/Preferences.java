package com.authorworks.identity.internal.profiles;

import java.util.Map;
import java.util.Set;

import com.authorworks.platform.Problem;

/** A user's private settings. Only known keys with known values are accepted. */
public record Preferences(String theme, String defaultFormat, boolean emailNotifications) {

    static final Set<String> THEMES = Set.of("light", "dark", "system");
    static final Set<String> FORMATS = Set.of("novel", "novella", "short-story", "screenplay", "stage-play", "poetry");

    /** These preferences with the keys present in {@code changes} replaced, after checking every one. */
    Preferences merge(Map<String, Object> changes) {
        String theme = this.theme;
        String format = this.defaultFormat;
        boolean notifications = this.emailNotifications;
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object value = change.getValue();
            switch (change.getKey()) {
                case "theme" -> theme = oneOf("theme", value, THEMES);
                case "defaultFormat" -> format = oneOf("defaultFormat", value, FORMATS);
                case "emailNotifications" -> {
                    if (!(value instanceof Boolean b)) {
                        throw invalid("emailNotifications must be true or false.");
                    }
                    notifications = b;
                }
                default -> throw Problem.badRequest("unknown-preference", "There is no preference called '"
                        + abbreviate(change.getKey()) + "'; known: theme, defaultFormat, emailNotifications.");
            }
        }
        return new Preferences(theme, format, notifications);
    }

    private static String oneOf(String key, Object value, Set<String> allowed) {
        if (!(value instanceof String s) || !allowed.contains(s)) {
            throw invalid(key + " must be one of " + allowed.stream().sorted().toList() + ".");
        }
        return s;
    }

    private static Problem invalid(String detail) {
        return Problem.badRequest("invalid-preference", detail);
    }

    private static String abbreviate(String key) {
        return key.length() > 40 ? key.substring(0, 40) + "…" : key;
    }
}
