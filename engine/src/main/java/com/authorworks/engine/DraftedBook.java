package com.authorworks.engine;

import java.util.List;
import java.util.Optional;

/**
 * The work as drafted so far, chapter by chapter, with each scene's final (revised) text: what
 * readers and exporters see, read from the checkpoints without a model.
 */
public record DraftedBook(BookSpec spec, List<Chapter> chapters) {

    public DraftedBook {
        chapters = List.copyOf(chapters);
    }

    /** Whether the text came from the offline sample writer rather than a language model. */
    public boolean sampleText() {
        return "sample".equals(spec.provider());
    }

    /** Whether every planned scene has been drafted. */
    public boolean complete() {
        return !chapters.isEmpty() && chapters.stream()
                .allMatch(chapter -> chapter.scenes().stream().allMatch(scene -> scene.text().isPresent()));
    }

    public record Chapter(int number, String title, List<Scene> scenes) {
        public Chapter {
            scenes = List.copyOf(scenes);
        }
    }

    /** A planned scene; its text is empty until drafted. */
    public record Scene(int number, String title, Optional<String> text) {
    }
}
