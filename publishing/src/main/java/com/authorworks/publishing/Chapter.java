package com.authorworks.publishing;

import java.util.List;
import java.util.Objects;

/** A chapter (for scripts: an act or sequence) made of scenes separated by scene breaks. */
public record Chapter(String title, List<Scene> scenes) {
    public Chapter {
        title = Text.clean(Objects.requireNonNullElse(title, "").strip());
        scenes = List.copyOf(scenes);
    }
}
