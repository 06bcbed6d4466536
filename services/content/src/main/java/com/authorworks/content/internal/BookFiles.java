package com.authorworks.content.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;
import com.authorworks.storage.FileId;
import com.authorworks.storage.Files;
import com.authorworks.storage.StorageUnavailableException;

/**
 * The files a book keeps in the storage service (its exports and its cover), which count toward
 * the owner's quota and so must go when the book or the export they belong to goes.
 */
@Component
public class BookFiles {

    private static final Logger log = LoggerFactory.getLogger(BookFiles.class);

    private final JdbcClient db;
    private final ObjectProvider<Files> files;

    BookFiles(JdbcClient db, ObjectProvider<Files> files) {
        this.db = db;
        this.files = files;
    }

    /** Every file of the book's exports and its cover. */
    public List<FileId> of(BookId book) {
        return db.sql("""
                SELECT file_id FROM content.exports WHERE book_id = :book AND file_id IS NOT NULL
                UNION SELECT file_id FROM content.book_covers WHERE book_id = :book""")
                .param("book", book.value()).query(UUID.class).list().stream().map(FileId::new).toList();
    }

    /**
     * Deletes files whose owner no longer needs them. Best effort: when the store is down the file
     * stays (and is logged), because deleting a book must not depend on the file store.
     */
    public void release(List<FileId> ids, UserId owner) {
        Files storage = files.getIfAvailable();
        if (storage == null) {
            return;
        }
        for (FileId id : ids) {
            try {
                storage.delete(id, owner);
            } catch (StorageUnavailableException e) {
                log.warn("Could not delete file {} of user {}: the file store is unavailable", id, owner);
            }
        }
    }
}
