package com.authorworks.content.publication;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.ChapterReleases;
import com.authorworks.content.internal.ChapterGates;
import com.authorworks.platform.CurrentUser;

/** The owner releases a published book's chapters one by one, now or on a schedule (serial release). */
@RestController
class ChapterReleasesController {

    private final Books books;
    private final ChapterReleases releases;
    private final ChapterGates gates;

    ChapterReleasesController(Books books, ChapterReleases releases, ChapterGates gates) {
        this.books = books;
        this.releases = releases;
        this.gates = gates;
    }

    record ReleaseRequest(Instant at) {
    }

    /**
     * A chapter's release: {@code publication} is {@code DRAFT}, {@code SCHEDULED} (at {@code publishAt}),
     * {@code PUBLISHED} (since {@code publishedAt}, readers see it) or {@code UNPUBLISHED}.
     */
    record ReleaseView(String chapterId, int number, String title, String publication, Instant publishAt, Instant publishedAt,
                       ChapterAccessController.AccessView access) {

        static ReleaseView of(Chapter chapter) {
            return of(chapter, null);
        }

        static ReleaseView of(Chapter chapter, ChapterAccessController.AccessView access) {
            return new ReleaseView(chapter.id().toString(), chapter.number(), chapter.title(), chapter.publication().name(),
                    chapter.publishAt(), chapter.publishedAt(), access);
        }
    }

    /**
     * Every chapter's release, in order, with its access (membership gating; the owner's view: readers see
     * released chapters in the book itself).
     */
    @GetMapping("/api/v1/books/{id}/chapters/releases")
    List<ReleaseView> list(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        var rules = gates.accessOf(book.id());
        int freePreview = gates.freePreview(book.id());
        return books.chapters(book.id()).stream().map(chapter -> ReleaseView.of(chapter, ChapterAccessController.AccessView.of(
                chapter, rules.getOrDefault(chapter.id(), com.authorworks.content.ChapterAccess.PUBLIC), freePreview))).toList();
    }

    /**
     * Releases the chapter now, or at {@code at} when that is in the future; the body is optional.
     * 409 {@code book-not-published}, 409 {@code already-published}, 400 {@code release-at-in-past}, 404 {@code chapter-not-found}.
     */
    @PostMapping("/api/v1/books/{id}/chapters/{chapterId}/publish")
    ReleaseView publish(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId,
                        @RequestBody(required = false) ReleaseRequest body) {
        Book book = books.require(id, CurrentUser.require());
        return ReleaseView.of(releases.publish(book, chapterId, body == null ? null : body.at()));
    }

    /** Takes the chapter down from readers, or cancels its schedule. */
    @PostMapping("/api/v1/books/{id}/chapters/{chapterId}/unpublish")
    ReleaseView unpublish(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId) {
        Book book = books.require(id, CurrentUser.require());
        return ReleaseView.of(releases.unpublish(book, chapterId));
    }
}
