package com.authorworks.content;

import java.time.Instant;

import com.authorworks.platform.UserId;

/** A reader other than the owner started reading a published book (their first saved place in it); once per reader and book. */
public record BookRead(BookId bookId, UserId readerId, Instant at) {
}
