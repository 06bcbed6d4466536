package com.authorworks.content;

import java.time.Instant;
import java.util.List;

import com.authorworks.platform.UserId;

/**
 * A book as {@link BookTexts} hands it out.
 *
 * @param author          the owner's display name (null when identity cannot say)
 * @param access          what the caller may do with it, decided by the {@link AccessPolicy}
 * @param writtenBySample whether the offline sample writer wrote it (its text is labelled sample text)
 * @param coverImage      the uploaded cover's bytes, or null when it has none
 */
public record BookText(BookId id, UserId owner, String title, String author, String description, String language,
                       AccessPolicy.Access access, AccessPolicy.Readership readership, boolean writtenBySample,
                       List<Person> cast, List<ChapterText> chapters, byte[] coverImage, String coverType, Instant updatedAt) {

    public BookText {
        cast = cast == null ? List.of() : List.copyOf(cast);
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
    }

    /** One of the story bible's characters, as the author (or the planner) described them. */
    public record Person(String name, List<String> aliases, String role, String description) {

        public Person {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** A chapter with its non-empty scenes' plain text, in order. */
    public record ChapterText(ChapterId id, int number, String title, List<SceneText> scenes) {

        public ChapterText {
            scenes = scenes == null ? List.of() : List.copyOf(scenes);
        }
    }

    public record SceneText(SceneId id, int number, String title, String text) {
    }
}
