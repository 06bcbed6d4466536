package com.authorworks.content;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A published book was taken down (unpublished or archived): nobody but its owner may read it any more.
 * {@code revision} orders it among the book's announcements, as in {@link BookPublished}.
 */
public record BookUnpublished(BookId bookId, UserId authorId, Instant at, long revision) {
}
