package com.authorworks.storage;

import java.io.InputStream;
import java.util.Optional;

import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.UserId;

/**
 * Files owned by users, for other services (e.g. content storing exports) and for the files API.
 * Every file passes the same rules: its type is sniffed from the bytes and must be allowed
 * ({@code unsupported-file-type}), its size must be within the limit ({@code file-too-large}) and
 * its owner's quota ({@code quota-exceeded}); violations are thrown as platform {@code Problem}s.
 * A file that is not the owner's is reported as not found.
 */
public interface Files {

    /** Stores the content under the owner's name; the stream is read to its end, not closed. */
    StoredFile store(UserId owner, String bucket, String name, InputStream content);

    Optional<StoredFile> find(FileId id, UserId owner);

    Page<StoredFile> list(UserId owner, PageRequest page);

    /** A download link that expires after the configured time (one hour by default). */
    DownloadLink signedUrl(FileId id, UserId owner);

    /** The bytes of one of the owner's files, for services that process them; close the stream. */
    InputStream open(FileId id, UserId owner);

    /** Deletes the file's bytes and metadata; false when the owner has no such file. */
    boolean delete(FileId id, UserId owner);
}
