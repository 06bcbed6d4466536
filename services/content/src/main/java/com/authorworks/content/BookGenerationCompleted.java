package com.authorworks.content;

import com.authorworks.platform.UserId;

/**
 * Every step of a book's generation is done; the book can be read and exported. One per job:
 * {@code jobId} tells a redelivered announcement from the end of a later generation of the same book.
 * {@code jobId} and {@code title} are null in announcements recorded before they were added.
 */
public record BookGenerationCompleted(BookId bookId, UserId userId, GenerationJobId jobId, String title) {
}
