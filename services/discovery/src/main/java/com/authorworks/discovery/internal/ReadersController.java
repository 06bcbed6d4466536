package com.authorworks.discovery.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;

/** Readers' follows and ratings (with reviews) of published books. */
@RestController
@RequestMapping("/api/v1/discover")
class ReadersController {

    private final Readers readers;
    private final ReaderNames names;

    ReadersController(Readers readers, ReaderNames names) {
        this.readers = readers;
        this.names = names;
    }

    record FollowView(UUID bookId, boolean following, long followers) {
    }

    /** @param review plain text, at most 10,000 characters */
    record RatingRequest(@NotNull @Min(1) @Max(5) Integer overall, @Min(1) @Max(5) Integer style, @Min(1) @Max(5) Integer story,
                         @Min(1) @Max(5) Integer grammar, @Min(1) @Max(5) Integer characters, @Size(max = Readers.MAX_REVIEW) String review) {
    }

    /** @param readerName the reader's display name in reviews (null when identity does not know it, and in the caller's own rating) */
    record RatingView(UUID bookId, UUID readerId, String readerName, int overall, Integer style, Integer story, Integer grammar,
                      Integer characters, String review, Instant createdAt, Instant updatedAt) {

        static RatingView of(Readers.Rating r) {
            return of(r, null);
        }

        static RatingView of(Readers.Rating r, String readerName) {
            Readers.Given g = r.given();
            return new RatingView(r.bookId(), r.readerId(), readerName, g.overall(), g.style(), g.story(), g.grammar(), g.characters(),
                    g.review(), r.createdAt(), r.updatedAt());
        }
    }

    record Reviews(Readers.Summary summary, Page<RatingView> reviews) {
    }

    @PutMapping("/books/{id}/follow")
    FollowView follow(@PathVariable UUID id) {
        CurrentUser reader = CurrentUser.require();
        return new FollowView(id, true, readers.follow(readers.readable(id, reader), reader));
    }

    @DeleteMapping("/books/{id}/follow")
    FollowView unfollow(@PathVariable UUID id) {
        CurrentUser reader = CurrentUser.require();
        return new FollowView(id, false, readers.unfollow(readers.readable(id, reader), reader));
    }

    @GetMapping("/books/{id}/follow")
    FollowView following(@PathVariable UUID id) {
        CurrentUser reader = CurrentUser.require();
        CatalogueBook book = readers.readable(id, reader);
        return new FollowView(id, readers.follows(book.id(), reader), readers.followers(book.id()));
    }

    /** The books the caller follows, most recently followed first. */
    @GetMapping("/following")
    Page<DiscoverController.BookCard> followed(PageRequest page) {
        return readers.following(CurrentUser.require(), page)
                .map(book -> DiscoverController.BookCard.of(new Discovery.Item(book, null, null, null)));
    }

    @PutMapping("/books/{id}/rating")
    RatingView rate(@PathVariable UUID id, @Valid @RequestBody RatingRequest body) {
        CurrentUser reader = CurrentUser.require();
        return RatingView.of(readers.rate(readers.readable(id, reader), reader, new Readers.Given(body.overall(), body.style(), body.story(),
                body.grammar(), body.characters(), body.review())));
    }

    /** The caller's rating of the book; 204 when they have not rated it. */
    @GetMapping("/books/{id}/rating")
    ResponseEntity<RatingView> mine(@PathVariable UUID id) {
        CurrentUser reader = CurrentUser.require();
        CatalogueBook book = readers.readable(id, reader);
        return readers.mine(book.id(), reader).map(r -> ResponseEntity.ok(RatingView.of(r))).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @DeleteMapping("/books/{id}/rating")
    ResponseEntity<Void> unrate(@PathVariable UUID id) {
        CurrentUser reader = CurrentUser.require();
        CatalogueBook book = readers.readable(id, reader);
        if (!readers.unrate(book.id(), reader)) {
            throw Problem.notFound("rating-not-found", "You have not rated this book.");
        }
        return ResponseEntity.noContent().build();
    }

    /** The book's averages, followers and reviews (each with its reader's display name), newest first. Open to anyone who may read the book. */
    @GetMapping("/books/{id}/reviews")
    Reviews reviews(@PathVariable UUID id, PageRequest page) {
        CatalogueBook book = readers.readable(id, CurrentUser.find());
        Page<Readers.Rating> reviews = readers.reviews(book.id(), page);
        Map<UUID, String> readerNames = names.of(reviews.items().stream().map(Readers.Rating::readerId).toList());
        return new Reviews(readers.summary(book.id()), reviews.map(r -> RatingView.of(r, readerNames.get(r.readerId()))));
    }
}
