package com.authorworks.content.export;

import java.time.Instant;

import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;
import com.authorworks.publishing.Format;
import com.authorworks.storage.FileId;

/**
 * One export of a book. {@code trimSize} and {@code author} are as requested (null: defaults);
 * {@code bookUpdatedAt} is the book's last change the file was made from, so a newer change makes it stale.
 */
record Export(ExportId id, BookId bookId, UserId owner, Format format, String trimSize, String author, State state,
              FileId fileId, String error, int attempts, Instant bookUpdatedAt, Instant createdAt, Instant completedAt) {

    enum State { QUEUED, RUNNING, DONE, FAILED, WAITING_FOR_STORAGE }
}
