package com.authorworks.discovery;

import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;

/** A reader started following a published book (not again when they already did). */
public record BookFollowed(BookId bookId, UserId follower, UserId authorId, String title) {
}
