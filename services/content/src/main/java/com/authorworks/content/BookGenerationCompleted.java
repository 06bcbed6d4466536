package com.authorworks.content;

import com.authorworks.platform.UserId;

/** Every step of a book's generation is done; the book can be read and exported. */
public record BookGenerationCompleted(BookId bookId, UserId userId) {
}
