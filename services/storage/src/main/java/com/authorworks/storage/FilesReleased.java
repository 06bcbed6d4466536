package com.authorworks.storage;

import java.util.List;

import com.authorworks.platform.UserId;

/**
 * What another service's event implements when the files it names are no longer needed (e.g.
 * content's {@code BookDeleted}: the book's exports and cover). Storage listens for it through the
 * event publication registry and deletes them, so their bytes go and they stop counting against
 * the owner's quota; when the blob store is down the publication stays incomplete and is retried
 * until it is back, across restarts. Deleting a file that is already gone is a no-op, so a
 * redelivered event does no harm.
 */
public interface FilesReleased {

    /** Whose files these are; files of anyone else are left alone. */
    UserId userId();

    List<FileId> files();
}
