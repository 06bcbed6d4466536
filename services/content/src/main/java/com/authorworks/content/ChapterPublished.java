package com.authorworks.content;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A chapter of a published book became readable: released by its author now, when its scheduled time came (a
 * serial's next chapter), or together with the book's first publication ({@code withBook}: every chapter in
 * draft is released with it, each announced once, after the {@link BookPublished} of the same transaction).
 * Every chapter that becomes readable is announced exactly once per release. {@code readership} is the
 * {@link AccessPolicy}'s answer for the book at that moment; {@code publishedAt} with the chapter id is the
 * release's identity, so a handler that keys on both makes one update of a repeated event. A handler that
 * tells people of new chapters may skip {@code withBook} releases (the book's publication is the news).
 */
public record ChapterPublished(BookId bookId, UserId authorId, ChapterId chapterId, int number, String title, String bookTitle,
                               AccessPolicy.Readership readership, long words, Instant publishedAt, boolean withBook) {
}
