package com.authorworks.content.export;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.web.CrossSiteRequests;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Publishing;
import com.authorworks.publishing.TrimSize;
import com.authorworks.storage.DownloadLink;
import com.authorworks.storage.Files;

/** Exports of a book: started here, made by the {@link ExportWorker}, downloaded through signed links. */
@RestController
@RequestMapping("/api/v1/books/{id}")
class ExportsController {

    private final Books books;
    private final Exports exports;
    private final ExportWorker worker;
    private final ObjectProvider<Files> files;

    ExportsController(Books books, Exports exports, ExportWorker worker, ObjectProvider<Files> files) {
        this.books = books;
        this.exports = exports;
        this.worker = worker;
        this.files = files;
    }

    record ExportRequest(String format, String trim, @Size(max = 200) String author) {
    }

    record ExportView(UUID id, String bookId, String format, String trim, String state, String fileId, String error,
                      Instant createdAt, Instant completedAt, URI downloadUrl, Instant expiresAt) {

        static ExportView of(Export e, DownloadLink link) {
            return new ExportView(e.id().value(), e.bookId().toString(), e.format().extension(), e.trimSize(), e.state().name(),
                    e.fileId() == null ? null : e.fileId().toString(), e.error(), e.createdAt(), e.completedAt(),
                    link == null ? null : link.url(), link == null ? null : link.expiresAt());
        }
    }

    @PostMapping("/export")
    ResponseEntity<ExportView> start(@PathVariable("id") BookId id, @Valid @RequestBody ExportRequest body) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        requireStorage();
        Format format = format(book, body.format());
        String trim = body.trim() == null || body.trim().isBlank() ? null : trim(body.trim());
        String author = body.author() == null || body.author().isBlank() ? null : body.author().strip();
        return accepted(queue(book, user, format, trim, author));
    }

    /**
     * The seed's one-call download: the latest export of the format if it is as new as the book, else one
     * started (or the one already on its way) to poll. A GET that can start work: another site must not be
     * able to cause it, so cross-site requests are refused.
     */
    @GetMapping("/export")
    ResponseEntity<ExportView> download(@PathVariable("id") BookId id, @RequestParam(required = false) String format,
            HttpServletRequest request) {
        CrossSiteRequests.refuse(request);
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        Files storage = requireStorage();
        Format wanted = format(book, format);
        Optional<Export> latest = exports.latest(book.id(), user.id(), wanted);
        if (latest.isPresent()) {
            Export export = latest.get();
            if (export.state() == Export.State.DONE && !export.bookUpdatedAt().isBefore(book.updatedAt())
                    && storage.find(export.fileId(), export.owner()).isPresent()) {
                return ResponseEntity.status(HttpStatus.FOUND)
                        .location(storage.signedUrl(export.fileId(), export.owner()).url()).build();
            }
            if (export.state() != Export.State.DONE) {
                return accepted(export);
            }
        }
        return accepted(queue(book, user, wanted, null, null));
    }

    @GetMapping("/exports")
    List<ExportView> list(@PathVariable("id") BookId id) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        return exports.list(book.id()).stream().filter(e -> visible(e, user)).map(e -> ExportView.of(e, null)).toList();
    }

    @GetMapping("/exports/{exportId}")
    ExportView get(@PathVariable("id") BookId id, @PathVariable UUID exportId) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        Export export = exports.find(new ExportId(exportId)).filter(e -> e.bookId().equals(book.id()) && visible(e, user))
                .orElseThrow(() -> Problem.notFound("export-not-found", "No export " + exportId + " of this book."));
        // the author may have deleted the file through the files API since: then the export has no link
        Files storage = requireStorage();
        DownloadLink link = export.state() == Export.State.DONE && storage.find(export.fileId(), export.owner()).isPresent()
                ? storage.signedUrl(export.fileId(), export.owner()) : null;
        return ExportView.of(export, link);
    }

    /** Exports live in the storage service: in this process (AUTHORWORKS_SERVICES) or at AUTHORWORKS_STORAGE_URL. */
    private Files requireStorage() {
        Files available = files.getIfAvailable();
        if (available == null) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "exports-unavailable",
                    "Exports need the storage service, which neither runs in this process nor is configured "
                            + "(AUTHORWORKS_STORAGE_URL).");
        }
        return available;
    }

    private Export queue(Book book, CurrentUser user, Format format, String trim, String author) {
        Export export = exports.create(book.id(), user.id(), format, trim, author);
        worker.wake();
        return export;
    }

    private static ResponseEntity<ExportView> accepted(Export export) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/books/" + export.bookId() + "/exports/" + export.id()))
                .body(ExportView.of(export, null));
    }

    /** The file belongs to whoever asked for it (an admin exporting someone's book keeps their own copy). */
    private static boolean visible(Export export, CurrentUser user) {
        return export.owner().equals(user.id()) || user.isAdmin();
    }

    /** The format by its file extension; Fountain and Final Draft only for scripts. */
    private static Format format(Book book, String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        Format format = null;
        for (Format candidate : Format.values()) {
            if (candidate.extension().equals(wanted) || candidate.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                format = candidate;
            }
        }
        if (format == null) {
            throw Problem.badRequest("invalid-export-format",
                    "format must be one of epub, pdf, docx, md, html, fountain, fdx; was " + (name == null ? "missing" : name));
        }
        var form = BookManuscripts.form(book);
        if (!Publishing.exportFormats(form).contains(format)) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "export-format-not-available",
                    format.extension() + " export is only available for scripts (screenplay, stage play, TV episode); "
                            + "this book is a " + book.format().wire() + ".");
        }
        return format;
    }

    private static String trim(String name) {
        try {
            return TrimSize.named(name.strip()).name();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-trim-size", "trim must be one of 6x9, 5.5x8.5, 5x8, A5, letter; was " + name);
        }
    }
}
