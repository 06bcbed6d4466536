package com.authorworks.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;
import com.authorworks.platform.Problem;
import com.authorworks.publishing.Cover;
import com.authorworks.storage.Buckets;
import com.authorworks.storage.DownloadLink;
import com.authorworks.storage.FileId;
import com.authorworks.storage.Files;
import com.authorworks.storage.StoredFile;

/**
 * Books' uploaded covers. The image is a file of the owner's in the storage service (so it counts
 * toward their quota and is sniffed like any upload); exports use it instead of a generated cover.
 */
@Component
public class Covers {

    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg");

    private final JdbcClient db;
    private final Books books;
    private final ObjectProvider<Files> files;

    Covers(JdbcClient db, Books books, ObjectProvider<Files> files) {
        this.db = db;
        this.books = books;
        this.files = files;
    }

    /** The stored cover of a book, if one was uploaded. */
    public record CoverFile(FileId file, String mediaType) {
    }

    public Optional<CoverFile> find(BookId book) {
        return db.sql("SELECT file_id, media_type FROM content.book_covers WHERE book_id = :book")
                .param("book", book.value())
                .query((rs, n) -> new CoverFile(new FileId(rs.getObject("file_id", UUID.class)), rs.getString("media_type")))
                .optional();
    }

    /** Stores an image as the book's cover, replacing (and deleting) the previous one. */
    public CoverFile replace(Book book, String name, InputStream image) {
        Files storage = storage();
        StoredFile stored = storage.store(book.owner(), Buckets.BOOKS, name == null ? "cover" : name, image);
        if (!IMAGE_TYPES.contains(stored.contentType())) {
            storage.delete(stored.id(), book.owner());
            throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-cover-type",
                    "A cover must be a PNG or JPEG image; this file is " + stored.contentType() + ".");
        }
        Optional<CoverFile> previous = find(book.id());
        db.sql("""
                INSERT INTO content.book_covers (book_id, file_id, media_type) VALUES (:book, :file, :type)
                ON CONFLICT (book_id) DO UPDATE SET file_id = excluded.file_id, media_type = excluded.media_type,
                                                    updated_at = now()""")
                .param("book", book.id().value()).param("file", stored.id().value()).param("type", stored.contentType())
                .update();
        books.touch(book.id()); // exports made before the new cover are out of date
        previous.ifPresent(old -> storage.delete(old.file(), book.owner()));
        return new CoverFile(stored.id(), stored.contentType());
    }

    public boolean remove(Book book) {
        Optional<CoverFile> cover = find(book.id());
        if (cover.isEmpty()) {
            return false;
        }
        db.sql("DELETE FROM content.book_covers WHERE book_id = :book").param("book", book.id().value()).update();
        books.touch(book.id());
        storage().delete(cover.get().file(), book.owner());
        return true;
    }

    public DownloadLink link(Book book, CoverFile cover) {
        return storage().signedUrl(cover.file(), book.owner());
    }

    /** The uploaded cover as publishing takes it, or empty to let publishing generate one. */
    public Optional<Cover> image(Book book) {
        Optional<CoverFile> cover = find(book.id());
        if (cover.isEmpty() || files.getIfAvailable() == null) {
            return Optional.empty();
        }
        try (InputStream in = storage().open(cover.get().file(), book.owner())) {
            return Optional.of(new Cover(in.readAllBytes(), cover.get().mediaType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Files storage() {
        Files storage = files.getIfAvailable();
        if (storage == null) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "covers-unavailable",
                    "Covers need the storage service, which neither runs in this process nor is configured "
                            + "(AUTHORWORKS_STORAGE_URL).");
        }
        return storage;
    }
}
