package com.authorworks.discovery;

import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;

/**
 * A reader rated a published book, or changed their rating. {@code revision} counts the reader's
 * saves of it (1 for the first), so each change is its own event and a repeat of one is recognisable.
 */
public record BookRated(BookId bookId, UserId reader, UserId authorId, String title, int overall, boolean reviewed, int revision) {
}
