package com.authorworks.content.internal;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;

/** A chapter; {@code number} is its 1-based position in the book. */
public record Chapter(ChapterId id, BookId bookId, int number, String title, String description, PartStatus status) {
}
