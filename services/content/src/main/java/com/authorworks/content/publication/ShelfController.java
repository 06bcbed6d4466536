package com.authorworks.content.publication;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.Audience;
import com.authorworks.content.Publication;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.UserId;

/**
 * {@code GET /api/v1/users/{id}/books}: an author's shelf. Served by content, not discovery, because
 * the owner's own view holds their drafts, which only content knows; everyone else sees the books the
 * access policy lets them read.
 */
@RestController
class ShelfController {

    private final Books books;

    ShelfController(Books books) {
        this.books = books;
    }

    record ShelfBook(String id, String title, String blurb, String genre, List<String> tags, String rating, String language,
                     String status, String publication, Instant publishedAt, Instant updatedAt) {

        static ShelfBook of(Book book) {
            var listing = book.listing();
            return new ShelfBook(book.id().toString(), book.title(), listing.blurb().isEmpty() ? book.description() : listing.blurb(),
                    listing.genre(), listing.tags(), listing.rating(), listing.language(), listing.status(), book.publication().name(),
                    book.publishedAt(), book.updatedAt());
        }
    }

    @GetMapping("/api/v1/users/{id}/books")
    Page<ShelfBook> shelf(@PathVariable UserId id, PageRequest page) {
        Optional<CurrentUser> caller = CurrentUser.find();
        boolean owner = AccessPolicy.access(id, AccessPolicy.Readership.OWNER, caller) == AccessPolicy.Access.OWN;
        List<AccessPolicy.Readership> readable = AccessPolicy.readableBy(caller);
        List<Audience> audiences = Arrays.stream(Audience.values())
                .filter(audience -> readable.contains(AccessPolicy.readership(Publication.PUBLISHED, audience)))
                .toList();
        return books.shelf(id, owner, audiences, page).map(ShelfBook::of);
    }
}
