package com.authorworks.storage;

import java.util.List;

import com.authorworks.platform.UserId;

/**
 * Files another service no longer needs (e.g. content's, when a book is deleted: its exports and
 * cover), published by that service in the transaction that released them. Storage listens for it
 * through the event publication registry and deletes them, so their bytes go and they stop counting
 * against the owner's quota; when the blob store is down the publication stays incomplete and is
 * retried until it is back, across restarts. Deleting a file that is already gone is a no-op, so a
 * redelivered event does no harm.
 *
 * @param userId whose files these are; files of anyone else are left alone
 */
public record FilesReleased(UserId userId, List<FileId> files) {

    public FilesReleased {
        files = List.copyOf(files);
    }
}
