package com.authorworks.content;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A chapter of a published book was released to its readers: by its author now, or when its scheduled time
 * came (a serial's next chapter). Not announced for the chapters released together with a book's first
 * publication ({@link BookPublished} says that). {@code readership} is the {@link AccessPolicy}'s answer for
 * the book at that moment; {@code publishedAt} with the chapter id is the release's identity, so a handler
 * that keys on both makes one update of a repeated event.
 */
public record ChapterPublished(BookId bookId, UserId authorId, ChapterId chapterId, int number, String title, String bookTitle,
                               AccessPolicy.Readership readership, long words, Instant publishedAt) {
}
