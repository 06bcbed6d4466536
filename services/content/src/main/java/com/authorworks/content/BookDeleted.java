package com.authorworks.content;

import com.authorworks.platform.UserId;

/**
 * A book and everything in it (chapters, scenes, versions, checkpoints) was deleted by its owner. The
 * files it kept in storage (exports, cover) are released in the same transaction with storage's
 * {@link com.authorworks.storage.FilesReleased}.
 */
public record BookDeleted(BookId bookId, UserId userId) {
}
