package com.authorworks.content;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A released chapter was taken down by its author: readers lose it. {@code releasedAt} is the release it ends
 * (the {@link ChapterPublished#publishedAt} of that release), so a handler that hears of the two out of order
 * can still tell that this release is withdrawn; a later release of the chapter is a new {@code ChapterPublished}.
 */
public record ChapterUnpublished(BookId bookId, UserId authorId, ChapterId chapterId, int number, String title, Instant releasedAt,
                                 Instant at) {
}
