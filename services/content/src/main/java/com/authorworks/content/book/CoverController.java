package com.authorworks.content.book;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Covers;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/** A book's cover image: uploaded by the author, used by every export (else one is generated). */
@RestController
@RequestMapping("/api/v1/books/{id}/cover")
class CoverController {

    private final Books books;
    private final Covers covers;

    CoverController(Books books, Covers covers) {
        this.books = books;
        this.covers = covers;
    }

    record CoverView(String fileId, String mediaType) {
    }

    @PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CoverView upload(@PathVariable("id") BookId id, @RequestParam("file") MultipartFile file) throws IOException {
        Book book = books.require(id, CurrentUser.require());
        try (InputStream in = file.getInputStream()) {
            Covers.CoverFile cover = covers.replace(book, file.getOriginalFilename(), in);
            return new CoverView(cover.file().toString(), cover.mediaType());
        }
    }

    /** Redirects to a signed, expiring link to the image. */
    @GetMapping
    ResponseEntity<Void> get(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        Covers.CoverFile cover = covers.find(book.id()).orElseThrow(() -> Problem.notFound("cover-not-found",
                "This book has no uploaded cover; exports draw one from its title."));
        URI link = covers.link(book, cover).url();
        return ResponseEntity.status(302).location(link).build();
    }

    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        if (!covers.remove(book)) {
            throw Problem.notFound("cover-not-found", "This book has no uploaded cover.");
        }
        return ResponseEntity.noContent().build();
    }
}
