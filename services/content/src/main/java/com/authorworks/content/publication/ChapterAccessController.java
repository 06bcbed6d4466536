package com.authorworks.content.publication;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterAccess;
import com.authorworks.content.ChapterId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.ChapterGates;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.subscriptions.TierId;

/**
 * The owner gates a book's chapters by membership (issue 15 §5): each chapter's visibility and early-access
 * schedule, and the book's free preview (its first chapters always public). Readers meet the result in the
 * book and its scenes, as the access policy decides.
 */
@RestController
class ChapterAccessController {

    private final Books books;
    private final ChapterGates gates;

    ChapterAccessController(Books books, ChapterGates gates) {
        this.books = books;
        this.gates = gates;
    }

    /** An early-access step: {@code tier} (any member when absent) may read from {@code afterDays} after release. */
    record StepBody(String tier, Integer afterDays) {
    }

    /**
     * Who may read the chapter: {@code visibility} {@code public} (default), {@code members} (any paid tier) or
     * {@code tiers} (members at one of {@code tiers} or above); {@code later} widens it step by step after release;
     * {@code everyoneAfterDays} makes it public.
     */
    record AccessBody(String visibility, List<String> tiers, List<StepBody> later, Integer everyoneAfterDays) {
    }

    record StepView(String tier, int afterDays) {
    }

    /** A chapter's access as its author set it; {@code freePreview}: within the book's free preview, so public whatever it says. */
    record AccessView(String chapterId, int number, String visibility, List<String> tiers, List<StepView> later,
                      Integer everyoneAfterDays, boolean freePreview) {

        static AccessView of(Chapter chapter, ChapterAccess rule, int freePreview) {
            return new AccessView(chapter.id().toString(), chapter.number(), rule.visibility().name().toLowerCase(),
                    rule.tiers().stream().map(TierId::toString).toList(),
                    rule.later().stream().map(s -> new StepView(s.tier() == null ? null : s.tier().toString(), s.afterDays())).toList(),
                    rule.everyoneAfterDays(), chapter.number() <= freePreview);
        }
    }

    record FreePreview(Integer chapters) {
    }

    @GetMapping("/api/v1/books/{id}/chapters/{chapterId}/access")
    AccessView get(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId) {
        Book book = books.require(id, CurrentUser.require());
        Chapter chapter = books.chapter(book, chapterId);
        return AccessView.of(chapter, gates.accessOf(chapter.id()), gates.freePreview(book.id()));
    }

    /**
     * Replaces the chapter's access. 400 {@code invalid-visibility}, 400 {@code invalid-schedule} (steps out of
     * order, a public chapter with tiers...), 400 {@code unknown-tier} (not one of the author's tiers).
     */
    @PutMapping("/api/v1/books/{id}/chapters/{chapterId}/access")
    AccessView put(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @RequestBody AccessBody body) {
        Book book = books.require(id, CurrentUser.require());
        Chapter chapter = books.chapter(book, chapterId);
        ChapterAccess rule = gates.setAccess(book, chapter, rule(body));
        return AccessView.of(chapter, rule, gates.freePreview(book.id()));
    }

    /** How many of the book's first chapters are always public (its free preview). */
    @GetMapping("/api/v1/books/{id}/free-preview")
    FreePreview freePreview(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        return new FreePreview(gates.freePreview(book.id()));
    }

    /** Sets the free preview: 0 to 1000 chapters (400 {@code invalid-free-preview}). */
    @PutMapping("/api/v1/books/{id}/free-preview")
    FreePreview setFreePreview(@PathVariable("id") BookId id, @RequestBody FreePreview body) {
        Book book = books.require(id, CurrentUser.require());
        if (body == null || body.chapters() == null) {
            throw Problem.badRequest("invalid-free-preview", "chapters (0 to 1000) is required.");
        }
        gates.setFreePreview(book, body.chapters());
        return new FreePreview(gates.freePreview(book.id()));
    }

    static ChapterAccess rule(AccessBody body) {
        if (body == null) {
            throw Problem.badRequest("invalid-visibility", "visibility is one of public, members, tiers.");
        }
        ChapterAccess.Visibility visibility = switch (body.visibility() == null ? "public" : body.visibility()) {
            case "public" -> ChapterAccess.Visibility.PUBLIC;
            case "members" -> ChapterAccess.Visibility.MEMBERS;
            case "tiers" -> ChapterAccess.Visibility.TIERS;
            default -> throw Problem.badRequest("invalid-visibility", "visibility is one of public, members, tiers.");
        };
        List<TierId> tiers = new ArrayList<>();
        if (body.tiers() != null) {
            body.tiers().forEach(tier -> tiers.add(tier(tier)));
        }
        List<ChapterAccess.Step> later = new ArrayList<>();
        if (body.later() != null) {
            for (StepBody step : body.later()) {
                if (step == null || step.afterDays() == null) {
                    throw Problem.badRequest("invalid-schedule", "Each early-access step has afterDays.");
                }
                later.add(new ChapterAccess.Step(step.tier() == null ? null : tier(step.tier()), step.afterDays()));
            }
        }
        return new ChapterAccess(visibility, tiers, later, body.everyoneAfterDays());
    }

    private static TierId tier(String value) {
        try {
            return TierId.of(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problem.badRequest("unknown-tier", "'" + value + "' is not a tier id.");
        }
    }
}
