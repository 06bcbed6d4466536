package com.authorworks.content.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.ImportException;
import com.authorworks.publishing.ImportLimits;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Publishing;

/** Creators who move to the platform bring their manuscript: Markdown, DOCX or EPUB becomes a new book. */
@RestController
class ImportsController {

    /** Publishing's caps on size, zip entries and inflation; the platform's body limit does not apply here. */
    static final ImportLimits LIMITS = ImportLimits.defaults();

    private final ManuscriptImports imports;
    private final Books books;

    ImportsController(ManuscriptImports imports, Books books) {
        this.imports = imports;
        this.books = books;
    }

    record ImportedBook(String id, String title, String format, String status, List<ImportedChapter> chapters) {
    }

    record ImportedChapter(String id, int number, String title, List<ImportedScene> scenes) {
    }

    record ImportedScene(String id, int number, String title, int wordCount) {
    }

    @PostMapping(path = "/api/v1/books/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportedBook> importBook(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String format) {
        CurrentUser user = CurrentUser.require();
        Format source = format(format, file.getOriginalFilename());
        if (file.getSize() > LIMITS.maxInputBytes()) {
            throw problem(new ImportException(ImportException.Reason.TOO_LARGE,
                    "The file is larger than " + (LIMITS.maxInputBytes() >> 20) + " MB."));
        }
        Manuscript manuscript;
        try (InputStream in = file.getInputStream()) {
            manuscript = Publishing.importer(source).read(in, LIMITS);
        } catch (ImportException e) {
            throw problem(e);
        } catch (IOException e) {
            throw Problem.badRequest("upload-incomplete", "The upload could not be read to its end; send it again.");
        }
        if (manuscript.chapters().stream().allMatch(c -> c.scenes().isEmpty())) {
            throw problem(new ImportException(ImportException.Reason.MALFORMED, "The file holds no text to import."));
        }
        Book book = imports.create(user.id(), manuscript);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/books/" + book.id()).body(view(book));
    }

    private ImportedBook view(Book book) {
        var chapters = books.chapters(book.id()).stream().map(c -> new ImportedChapter(c.id().toString(), c.number(), c.title(),
                books.scenes(c.id()).stream().map(s -> new ImportedScene(s.id().toString(), s.number(), s.title(), s.wordCount()))
                        .toList())).toList();
        return new ImportedBook(book.id().toString(), book.title(), book.format().wire(), book.status().name(), chapters);
    }

    /** The format named by the caller, else by the file's extension. */
    private static Format format(String named, String fileName) {
        String wanted = named != null && !named.isBlank() ? named
                : fileName != null && fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "";
        return switch (wanted.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> Format.MARKDOWN;
            case "docx" -> Format.DOCX;
            case "epub" -> Format.EPUB;
            default -> throw problem(new ImportException(ImportException.Reason.UNSUPPORTED,
                    "Only Markdown (.md), Word (.docx) and EPUB (.epub) manuscripts can be imported."));
        };
    }

    /** Publishing's reasons as problem details with stable codes. */
    private static Problem problem(ImportException e) {
        return switch (e.reason()) {
            case MALFORMED -> new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-malformed", e.getMessage());
            case UNSAFE_CONTENT -> new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-unsafe", e.getMessage());
            case TOO_LARGE -> new Problem(HttpStatus.CONTENT_TOO_LARGE, "import-too-large", e.getMessage());
            case UNSUPPORTED -> new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import-format-not-supported", e.getMessage());
        };
    }
}
