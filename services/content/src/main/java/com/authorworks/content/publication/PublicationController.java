package com.authorworks.content.publication;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.Audience;
import com.authorworks.content.BookId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Listing;
import com.authorworks.content.internal.Publications;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/** The owner publishes, schedules, unpublishes and archives a book and edits its listing. */
@RestController
class PublicationController {

    private final Books books;
    private final Publications publications;

    PublicationController(Books books, Publications publications) {
        this.books = books;
        this.publications = publications;
    }

    record PublishRequest(Instant at) {
    }

    record ListingChanges(@Size(max = Listing.MAX_BLURB) String blurb, @Size(max = 50) String genre,
                          @Size(max = Listing.MAX_TAGS) List<String> tags, @Size(max = 10) List<String> contentWarnings,
                          @Size(max = 20) String rating, @Size(max = 40) String language, @Size(max = 20) String status,
                          @Size(max = 20) String audience) {
    }

    record PublicationView(String bookId, String publication, String audience, String readership, Instant publishAt,
                           Instant firstPublishedAt, Instant publishedAt, String blurb, String genre, List<String> tags,
                           List<String> contentWarnings, String rating, String language, String status) {

        static PublicationView of(Book book) {
            Listing listing = book.listing();
            return new PublicationView(book.id().toString(), book.publication().name(), book.audience().name(),
                    book.readership().name(), book.publishAt(), book.firstPublishedAt(), book.publishedAt(), listing.blurb(),
                    listing.genre(), listing.tags(), listing.contentWarnings(), listing.rating(), listing.language(), listing.status());
        }
    }

    @GetMapping("/api/v1/books/{id}/publication")
    PublicationView get(@PathVariable("id") BookId id) {
        return PublicationView.of(books.require(id, CurrentUser.require()));
    }

    @PatchMapping("/api/v1/books/{id}/publication")
    PublicationView update(@PathVariable("id") BookId id, @Valid @RequestBody ListingChanges body) {
        Book book = books.require(id, CurrentUser.require());
        Listing listing = book.listing().with(body.blurb(), body.genre(), body.tags(), body.contentWarnings(), body.rating(),
                body.language(), body.status());
        return PublicationView.of(publications.update(book, listing, audience(body.audience())));
    }

    /** Publishes now, or at {@code at} when that is in the future (scheduled); the body is optional. */
    @PostMapping("/api/v1/books/{id}/publish")
    PublicationView publish(@PathVariable("id") BookId id, @RequestBody(required = false) PublishRequest body) {
        Book book = books.require(id, CurrentUser.require());
        return PublicationView.of(publications.publish(book, body == null ? null : body.at()));
    }

    @PostMapping("/api/v1/books/{id}/unpublish")
    PublicationView unpublish(@PathVariable("id") BookId id) {
        return PublicationView.of(publications.unpublish(books.require(id, CurrentUser.require())));
    }

    @PostMapping("/api/v1/books/{id}/archive")
    PublicationView archive(@PathVariable("id") BookId id) {
        return PublicationView.of(publications.archive(books.require(id, CurrentUser.require())));
    }

    private static Audience audience(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Audience.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-audience", "audience must be one of " + Arrays.toString(Audience.values()) + ".");
        }
    }
}
