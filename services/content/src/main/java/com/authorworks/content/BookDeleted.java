package com.authorworks.content;

import com.authorworks.platform.UserId;

/** A book and everything in it (chapters, scenes, versions, checkpoints) was deleted by its owner. */
public record BookDeleted(BookId bookId, UserId userId) {
}
