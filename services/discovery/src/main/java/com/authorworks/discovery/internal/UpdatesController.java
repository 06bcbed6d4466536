package com.authorworks.discovery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;

/** Books' new chapters: the signed-in reader's home feed of what they follow, and everyone's latest updates. */
@RestController
@RequestMapping("/api/v1/discover")
class UpdatesController {

    private final Updates updates;

    UpdatesController(Updates updates) {
        this.updates = updates;
    }

    /** A chapter released in a published book. */
    record UpdateView(String id, String bookId, String bookTitle, String authorId, String authorName, String genre, String chapterId,
                      int chapterNumber, String chapterTitle, long words, Instant publishedAt) {

        static UpdateView of(Updates.Update u) {
            return new UpdateView(u.id().toString(), u.bookId().toString(), u.bookTitle(), u.authorId().toString(), u.authorName(),
                    u.genre(), u.chapterId().toString(), u.chapterNumber(), u.chapterTitle(), u.words(), u.publishedAt());
        }
    }

    /** {@code nextCursor}: pass it as {@code cursor} for the next page; null on the last. */
    record UpdatesPage(List<UpdateView> items, String nextCursor) {

        static UpdatesPage of(Updates.Page page) {
            return new UpdatesPage(page.items().stream().map(UpdateView::of).toList(), page.nextCursor());
        }
    }

    /** The caller's home feed: new chapters of the books they follow and may read, newest first. */
    @GetMapping("/feed")
    UpdatesPage feed(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        CurrentUser reader = CurrentUser.require();
        return UpdatesPage.of(updates.feed(reader, cursor, size(size)));
    }

    /** Latest updates (Royal Road's list): every new chapter the caller may read, newest first, of one genre or all. */
    @GetMapping("/latest")
    UpdatesPage latest(@RequestParam(required = false) String genre, @RequestParam(required = false) String cursor,
                       @RequestParam(required = false) Integer size) {
        return UpdatesPage.of(updates.latest(CurrentUser.find(), genre(genre), cursor, size(size)));
    }

    private static int size(Integer size) {
        if (size == null) {
            return PageRequest.DEFAULT_SIZE;
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw Problem.badRequest("invalid-page-size", "size is 1 to " + PageRequest.MAX_SIZE + ".");
        }
        return size;
    }

    private static String genre(String genre) {
        if (genre == null || genre.isBlank()) {
            return null;
        }
        String clean = genre.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-").replace('_', '-');
        if (clean.length() > 100) {
            throw Problem.badRequest("invalid-filter", "genre is at most 100 characters.");
        }
        return clean;
    }
}
