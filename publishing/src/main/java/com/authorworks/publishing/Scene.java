package com.authorworks.publishing;

import java.util.Objects;

/**
 * A scene: an optional title and the author's text, Markdown for prose or Fountain for scripts. The body is
 * untrusted author text: every writer escapes whatever is not its own markup.
 */
public record Scene(String title, String body) {
    public Scene {
        title = title == null || title.isBlank() ? null : Text.clean(title.strip());
        body = Text.clean(Objects.requireNonNullElse(body, ""));
    }

    public static Scene of(String body) {
        return new Scene(null, body);
    }
}
