package com.authorworks.content.internal;

import java.time.Instant;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.Publication;

/**
 * A chapter; {@code number} is its 1-based position in the book. {@code publication} is its release
 * (serial release: {@code DRAFT}, {@code SCHEDULED} at {@code publishAt}, {@code PUBLISHED} since
 * {@code publishedAt}, {@code UNPUBLISHED}); readers see only released chapters of a book they may read.
 */
public record Chapter(ChapterId id, BookId bookId, int number, String title, String description, PartStatus status,
                      Publication publication, Instant publishAt, Instant publishedAt) {

    public boolean released() {
        return publication == Publication.PUBLISHED;
    }
}
