package com.authorworks.content.book;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.PartStatus;
import com.authorworks.content.internal.Scene;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/** Chapters and scenes written or arranged by hand. */
@RestController
@RequestMapping("/api/v1/books/{id}/chapters")
class ChaptersController {

    /** Scene text is capped so one save cannot blow up the history; a scene is rarely over 20k words. */
    static final int MAX_SCENE_CHARS = 400_000;

    private final Books books;

    ChaptersController(Books books) {
        this.books = books;
    }

    record NewChapter(@NotBlank @Size(max = 300) String title, @Size(max = 5000) String description) {
    }

    record ChapterChanges(@Size(min = 1, max = 300) String title, @Size(max = 5000) String description, String status) {
    }

    record Order(@NotNull List<UUID> ids) {
    }

    record NewScene(@NotBlank @Size(max = 300) String title, @Size(max = MAX_SCENE_CHARS) String content) {
    }

    record SceneChanges(@Size(min = 1, max = 300) String title, @Size(max = MAX_SCENE_CHARS) String content, String status,
                        Integer baseVersion) {
    }

    // --- chapters ------------------------------------------------------------------------------

    @PostMapping
    ResponseEntity<Views.ChapterView> create(@PathVariable("id") BookId id, @Valid @RequestBody NewChapter body) {
        Book book = books.require(id, CurrentUser.require());
        Chapter chapter = books.addChapter(book, body.title().strip(), body.description(), PartStatus.DRAFT);
        return ResponseEntity.status(HttpStatus.CREATED).body(Views.ChapterView.of(chapter, List.of()));
    }

    @PatchMapping("/{chapterId}")
    Views.ChapterView update(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @Valid @RequestBody ChapterChanges body) {
        Book book = books.require(id, CurrentUser.require());
        Chapter chapter = books.updateChapter(book, books.chapter(book, chapterId),
                body.title() == null ? null : body.title().strip(), body.description(), status(body.status()));
        return Views.ChapterView.of(chapter, books.scenes(chapter.id()));
    }

    @DeleteMapping("/{chapterId}")
    ResponseEntity<Void> delete(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId) {
        Book book = books.require(id, CurrentUser.require());
        books.deleteChapter(book, books.chapter(book, chapterId));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/order")
    List<Views.ChapterView> reorder(@PathVariable("id") BookId id, @Valid @RequestBody Order body) {
        Book book = books.require(id, CurrentUser.require());
        return books.reorderChapters(book, body.ids()).stream()
                .map(c -> Views.ChapterView.of(c, books.scenes(c.id()))).toList();
    }

    // --- scenes --------------------------------------------------------------------------------

    @PostMapping("/{chapterId}/scenes")
    ResponseEntity<Views.SceneView> createScene(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId,
            @Valid @RequestBody NewScene body) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        Chapter chapter = books.chapter(book, chapterId);
        Scene scene = books.addScene(book, chapter, body.title().strip(), body.content(), PartStatus.DRAFT, user.id(), "edit");
        return ResponseEntity.status(HttpStatus.CREATED).eTag(BaseVersion.etag(scene.version())).body(Views.SceneView.of(scene));
    }

    /** A scene's text, for its owner and for the readers the access policy admits to a published book. */
    @GetMapping("/{chapterId}/scenes/{sceneId}")
    ResponseEntity<Views.SceneView> scene(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId,
            @PathVariable SceneId sceneId) {
        Optional<CurrentUser> caller = CurrentUser.find();
        Book book = books.readable(id, caller);
        Books.Gated gated = books.visibleChapter(book, chapterId, caller);
        Scene scene = books.scene(gated.chapter(), sceneId);
        if (!gated.decision().mayRead()) {
            // gated by membership: a teaser and what unlocks it, never the text
            return ResponseEntity.ok().body(Views.SceneView.locked(scene, books.teaser(chapterId), gated.decision().lock()));
        }
        return ResponseEntity.ok().eTag(BaseVersion.etag(scene.version())).body(Views.SceneView.of(scene));
    }

    /** Title and status change in place; new text is saved as the scene's next version. */
    @PatchMapping("/{chapterId}/scenes/{sceneId}")
    ResponseEntity<Views.SceneView> updateScene(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId,
            @PathVariable SceneId sceneId, @Valid @RequestBody SceneChanges body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        Chapter chapter = books.chapter(book, chapterId);
        Scene scene = books.scene(chapter, sceneId);
        if (body.content() != null) {
            scene = books.saveScene(book, chapter, scene, body.content(), BaseVersion.of(body.baseVersion(), ifMatch), user.id(), "edit");
        }
        if (body.title() != null || body.status() != null) {
            scene = books.updateScene(book, chapter, scene, body.title() == null ? null : body.title().strip(), status(body.status()));
        }
        return ResponseEntity.ok().eTag(BaseVersion.etag(scene.version())).body(Views.SceneView.of(scene));
    }

    @DeleteMapping("/{chapterId}/scenes/{sceneId}")
    ResponseEntity<Void> deleteScene(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @PathVariable SceneId sceneId) {
        Book book = books.require(id, CurrentUser.require());
        Chapter chapter = books.chapter(book, chapterId);
        books.deleteScene(book, chapter, books.scene(chapter, sceneId));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{chapterId}/scenes/order")
    List<Views.SceneSummary> reorderScenes(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId,
            @Valid @RequestBody Order body) {
        Book book = books.require(id, CurrentUser.require());
        return books.reorderScenes(book, books.chapter(book, chapterId), body.ids()).stream().map(Views.SceneSummary::of).toList();
    }

    private static PartStatus status(String text) {
        if (text == null) {
            return null;
        }
        try {
            return PartStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-status", "status must be PLANNED, DRAFT, REVIEW or FINAL; was " + text);
        }
    }
}
