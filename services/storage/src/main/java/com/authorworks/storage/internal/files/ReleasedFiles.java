package com.authorworks.storage.internal.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.authorworks.storage.FileId;
import com.authorworks.storage.Files;
import com.authorworks.storage.FilesReleased;
import com.authorworks.storage.StorageUnavailableException;

/**
 * Frees the files another service no longer needs ({@link FilesReleased}, e.g. a deleted book's
 * exports and cover). Each file goes on its own (bytes, then record), so a blob store that fails
 * halfway leaves the rest for the retry, and the retry skips what is already gone.
 */
@Component
class ReleasedFiles {

    private static final Logger log = LoggerFactory.getLogger(ReleasedFiles.class);

    private final Files files;

    ReleasedFiles(Files files) {
        this.files = files;
    }

    /**
     * A failure (the blob store is down) leaves the event's publication incomplete: it is
     * resubmitted until it succeeds, after a restart too. No transaction around the whole: a file
     * deleted stays deleted even if the next one fails.
     */
    @ApplicationModuleListener(id = "storage.files-released", propagation = Propagation.NOT_SUPPORTED)
    void on(FilesReleased released) {
        int deleted = 0;
        StorageUnavailableException failed = null;
        for (FileId id : released.files()) {
            try {
                if (files.delete(id, released.userId())) {
                    deleted++;
                }
            } catch (StorageUnavailableException e) {
                failed = e;
            }
        }
        log.debug("Freed {} of {} released file(s) of user {}", deleted, released.files().size(), released.userId());
        if (failed != null) {
            log.warn("Could not free every released file of user {} (the blob store is unavailable); retried later", released.userId());
            throw failed;
        }
    }
}
