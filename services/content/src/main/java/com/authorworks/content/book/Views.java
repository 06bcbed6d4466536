package com.authorworks.content.book;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.Scene;
import com.authorworks.content.internal.Version;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the API returns; ids are plain UUID strings on the wire. */
final class Views {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Views() {
    }

    /**
     * A book in a list. {@code words} and {@code scenes}/{@code scenesDrafted} (scenes that are more than the
     * outline's plan) are what the dashboard shows; {@code updatedAt} is the last edit.
     */
    /** {@code goalWords}: the book's word goal, null when it has none ({@code /api/v1/books/{id}/goal}). */
    record BookSummary(String id, String title, String description, String format, String status, JsonNode metadata,
                       Instant createdAt, Instant updatedAt, long words, int scenes, int scenesDrafted, Integer goalWords) {

        static BookSummary of(Book book) {
            return of(book, Books.Counts.NONE, null);
        }

        static BookSummary of(Book book, Books.Counts counts, Integer goalWords) {
            return new BookSummary(book.id().toString(), book.title(), book.description(), book.format().wire(),
                    book.status().name(), JSON.readTree(book.metadata()), book.createdAt(), book.updatedAt(), counts.words(),
                    counts.scenes(), counts.drafted(), goalWords);
        }
    }

    /**
     * {@code cover}: whether the author uploaded a cover (exports draw one from the title otherwise); {@code access} is
     * what the caller may do ({@code OWN} or {@code READ}); {@code authorId} the owner.
     */
    record BookDetails(String id, String title, String description, String format, String status, JsonNode metadata,
                       long words, List<ChapterView> chapters, Map<String, Integer> artifacts, Instant createdAt, Instant updatedAt,
                       boolean cover, String publication, String access, String authorId, ListingView listing) {

        /** What a reader who does not own the book sees: no private metadata and no plan. */
        BookDetails forReaders() {
            return new BookDetails(id, title, description, format, status, JSON.createObjectNode(), words, chapters, Map.of(),
                    createdAt, updatedAt, cover, publication, "READ", authorId, listing);
        }
    }

    /** What readers see of a book before opening it (docs/content.md#publishing). */
    record ListingView(String blurb, String genre, List<String> tags, List<String> contentWarnings, String rating, String language,
                       String status) {

        static ListingView of(Book book) {
            var l = book.listing();
            return new ListingView(l.blurb().isEmpty() ? book.description() : l.blurb(), l.genre(), l.tags(), l.contentWarnings(),
                    l.rating(), l.language(), l.status());
        }
    }

    /** {@code locked}: set when the chapter is gated for this reader (membership); they get a teaser of its scenes. */
    record ChapterView(String id, int number, String title, String description, String status, List<SceneSummary> scenes,
                       LockView locked) {

        static ChapterView of(Chapter chapter, List<Scene> scenes) {
            return of(chapter, scenes, null);
        }

        static ChapterView of(Chapter chapter, List<Scene> scenes, AccessPolicy.Lock lock) {
            return new ChapterView(chapter.id().toString(), chapter.number(), chapter.title(), chapter.description(),
                    chapter.status().name(), scenes.stream().map(SceneSummary::of).toList(), LockView.of(lock));
        }
    }

    /**
     * A chapter locked for this reader: {@code locked} is always true; {@code unlocksAt} when it opens for them
     * (absent when never); {@code anyMember}: any paid tier of {@code authorId} unlocks it now; {@code tiers}: the
     * tier ids (and those above them) that unlock it now.
     */
    record LockView(boolean locked, Instant unlocksAt, boolean anyMember, List<String> tiers) {

        static LockView of(AccessPolicy.Lock lock) {
            return lock == null ? null
                    : new LockView(true, lock.unlocksAt(), lock.anyMember(), lock.tiers().stream().map(Object::toString).toList());
        }
    }

    record SceneSummary(String id, int number, String title, int wordCount, String status, int version) {

        static SceneSummary of(Scene scene) {
            return new SceneSummary(scene.id().toString(), scene.number(), scene.title(), scene.wordCount(),
                    scene.status().name(), scene.version());
        }
    }

    /**
     * A scene's text. For a chapter locked for the reader, {@code content} is empty, {@code teaser} is the
     * chapter's first words as plain text and {@code locked} says what unlocks it; else both are absent.
     */
    record SceneView(String id, String chapterId, int number, String title, String content, int wordCount, String status,
                     int version, String teaser, LockView locked) {

        static SceneView of(Scene scene) {
            return new SceneView(scene.id().toString(), scene.chapterId().toString(), scene.number(), scene.title(),
                    scene.content(), scene.wordCount(), scene.status().name(), scene.version(), null, null);
        }

        static SceneView locked(Scene scene, String teaser, AccessPolicy.Lock lock) {
            return new SceneView(scene.id().toString(), scene.chapterId().toString(), scene.number(), scene.title(),
                    "", scene.wordCount(), scene.status().name(), scene.version(), teaser, LockView.of(lock));
        }
    }

    record VersionSummary(int number, int wordCount, String author, String origin, Instant createdAt) {

        static VersionSummary of(Version v) {
            return new VersionSummary(v.number(), v.wordCount(), v.author() == null ? null : v.author().toString(), v.origin(),
                    v.createdAt());
        }
    }

    record VersionView(int number, String body, int wordCount, String author, String origin, Instant createdAt) {

        static VersionView of(Version v) {
            return new VersionView(v.number(), v.body(), v.wordCount(), v.author() == null ? null : v.author().toString(),
                    v.origin(), v.createdAt());
        }
    }

    record ArtifactView(String kind, JsonNode document, int version) {
    }
}
