package com.authorworks.content.book;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.RichText;
import com.authorworks.content.internal.Scene;
import com.authorworks.content.internal.Version;
import com.authorworks.content.internal.VersionDiff;
import com.authorworks.content.internal.Versions;
import com.authorworks.platform.CurrentUser;

/** A scene's history: list, read, compare and restore (a restore is a new version, never a rewind). */
@RestController
@RequestMapping("/api/v1/books/{id}/chapters/{chapterId}/scenes/{sceneId}/versions")
class VersionsController {

    private final Books books;
    private final Versions versions;

    VersionsController(Books books, Versions versions) {
        this.books = books;
        this.versions = versions;
    }

    @GetMapping
    List<Views.VersionSummary> list(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @PathVariable SceneId sceneId) {
        Book book = books.require(id, CurrentUser.require());
        books.scene(books.chapter(book, chapterId), sceneId);
        return versions.list(book.id(), Versions.scene(sceneId)).stream().map(Views.VersionSummary::of).toList();
    }

    @GetMapping("/{n}")
    Views.VersionView get(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @PathVariable SceneId sceneId,
            @PathVariable int n) {
        Book book = books.require(id, CurrentUser.require());
        books.scene(books.chapter(book, chapterId), sceneId);
        return Views.VersionView.of(versions.get(book.id(), Versions.scene(sceneId), n));
    }

    @GetMapping("/diff")
    VersionDiff diff(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @PathVariable SceneId sceneId,
            @RequestParam int from, @RequestParam int to) {
        Book book = books.require(id, CurrentUser.require());
        books.scene(books.chapter(book, chapterId), sceneId);
        return versions.diff(book.id(), Versions.scene(sceneId), from, to, RichText::lines);
    }

    @PostMapping("/{n}/restore")
    ResponseEntity<Views.SceneView> restore(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId,
            @PathVariable SceneId sceneId, @PathVariable int n) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        Chapter chapter = books.chapter(book, chapterId);
        Scene scene = books.scene(chapter, sceneId);
        Version old = versions.get(book.id(), Versions.scene(sceneId), n);
        if (old.placeholder()) {
            throw com.authorworks.platform.Problem.conflict("version-placeholder", "Version " + n
                    + " is the empty placeholder the outline made; restoring it would only empty the scene.");
        }
        Scene restored = books.saveScene(book, chapter, scene, old.body(), null, user.id(), "restore of " + n);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(BaseVersion.etag(restored.version())).body(Views.SceneView.of(restored));
    }
}
