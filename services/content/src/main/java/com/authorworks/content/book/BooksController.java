package com.authorworks.content.book;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookId;
import com.authorworks.content.internal.Artifacts;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.BookFormat;
import com.authorworks.content.internal.BookStatus;
import com.authorworks.content.internal.BookGoals;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Covers;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;

import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/books")
class BooksController {

    private final Books books;
    private final Artifacts artifacts;
    private final Covers covers;
    private final BookGoals bookGoals;

    BooksController(Books books, Artifacts artifacts, Covers covers, BookGoals bookGoals) {
        this.covers = covers;
        this.books = books;
        this.artifacts = artifacts;
        this.bookGoals = bookGoals;
    }

    record NewBook(@NotBlank @Size(max = 300) String title, String format, @Size(max = 5000) String description, JsonNode metadata) {
    }

    record BookChanges(@Size(min = 1, max = 300) String title, @Size(max = 5000) String description, String status,
                       JsonNode metadata) {
    }

    @GetMapping
    Page<Views.BookSummary> list(@RequestParam(required = false) String status, @RequestParam(required = false) String format,
            @RequestParam(required = false) String q, PageRequest page) {
        CurrentUser user = CurrentUser.require();
        Page<Book> found = books.list(user.id(), status == null ? null : status(status), format == null ? null : BookFormat.parse(format), q,
                page);
        List<com.authorworks.content.BookId> ids = found.items().stream().map(Book::id).toList();
        Map<com.authorworks.content.BookId, Books.Counts> counts = books.counts(ids);
        Map<com.authorworks.content.BookId, BookGoals.Goal> goals = bookGoals.of(ids);
        return found.map(book -> Views.BookSummary.of(book, counts.getOrDefault(book.id(), Books.Counts.NONE),
                goals.containsKey(book.id()) ? goals.get(book.id()).targetWords() : null));
    }

    @PostMapping
    ResponseEntity<Views.BookDetails> create(@Valid @RequestBody NewBook body) {
        CurrentUser user = CurrentUser.require();
        Book book = books.create(user.id(), body.title().strip(), body.description(),
                body.format() == null ? BookFormat.NOVEL : BookFormat.parse(body.format()), BookStatus.DRAFT, metadata(body.metadata()));
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/books/" + book.id()).body(details(book));
    }

    /**
     * The book as the caller may see it: the owner gets everything; a reader of a published book (anyone,
     * or any signed-in user, as the access policy decides) gets its text's outline without the owner's
     * private metadata and plan.
     */
    @GetMapping("/{id}")
    Views.BookDetails get(@PathVariable("id") BookId id) {
        Optional<CurrentUser> caller = CurrentUser.find();
        Book book = books.readable(id, caller);
        if (book.accessOf(caller) == AccessPolicy.Access.OWN) {
            return details(book);
        }
        // a reader sees the released chapters only (serial release), and the words they hold; a chapter gated
        // for them (membership) is marked locked
        return details(book, books.visibleChapters(book, caller), true).forReaders();
    }

    @PatchMapping("/{id}")
    Views.BookDetails update(@PathVariable("id") BookId id, @Valid @RequestBody BookChanges body) {
        Book book = books.require(id, CurrentUser.require());
        BookStatus status = body.status() == null ? null : status(body.status());
        if (status != null && status != BookStatus.DRAFT && status != BookStatus.COMPLETE) {
            throw Problem.badRequest("invalid-status", "Only DRAFT or COMPLETE can be set by hand; generation sets the others.");
        }
        return details(books.update(book, body.title() == null ? null : body.title().strip(), body.description(), status,
                body.metadata() == null ? null : metadata(body.metadata())));
    }

    record Duplicate(@Size(min = 1, max = 300) String title) {
    }

    /** A copy of the book (chapters, scenes and their text) under {@code title}, by default "<title> (copy)". */
    @PostMapping("/{id}/duplicate")
    ResponseEntity<Views.BookDetails> duplicate(@PathVariable("id") BookId id, @Valid @RequestBody(required = false) Duplicate body) {
        Book book = books.require(id, CurrentUser.require());
        String title = body == null || body.title() == null || body.title().isBlank() ? copyTitle(book.title()) : body.title().strip();
        Book copy = books.duplicate(book, title);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/books/" + copy.id()).body(details(copy));
    }

    private static String copyTitle(String title) {
        String copy = title + " (copy)";
        return copy.length() <= 300 ? copy : title.substring(0, 293) + " (copy)";
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        books.delete(book);
        return ResponseEntity.noContent().build();
    }

    private Views.BookDetails details(Book book) {
        return details(book, books.chapters(book.id()));
    }

    private Views.BookDetails details(Book book, List<com.authorworks.content.internal.Chapter> shown) {
        return details(book, shown.stream().map(c -> new Books.Gated(c, null)).toList(), false);
    }

    private Views.BookDetails details(Book book, List<Books.Gated> shown, boolean gated) {
        var chapters = shown.stream().map(g -> Views.ChapterView.of(g.chapter(), books.scenes(g.chapter().id()),
                gated ? g.decision().lock() : null)).toList();
        Map<String, Integer> plan = artifacts.versions(book.id()).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().wire(), Map.Entry::getValue));
        var summary = Views.BookSummary.of(book);
        return new Views.BookDetails(summary.id(), summary.title(), summary.description(), summary.format(), summary.status(),
                summary.metadata(), words(chapters), chapters, plan, book.createdAt(), book.updatedAt(),
                covers.find(book.id()).isPresent(), book.publication().name(), "OWN", book.owner().toString(),
                Views.ListingView.of(book));
    }

    private static long words(List<Views.ChapterView> chapters) {
        return chapters.stream().flatMap(c -> c.scenes().stream()).mapToLong(Views.SceneSummary::wordCount).sum();
    }

    private static String metadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return "{}";
        }
        if (!metadata.isObject()) {
            throw Problem.badRequest("invalid-metadata", "metadata must be a JSON object");
        }
        return metadata.toString();
    }

    private static BookStatus status(String text) {
        try {
            return BookStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-status", "Unknown book status " + text);
        }
    }
}
