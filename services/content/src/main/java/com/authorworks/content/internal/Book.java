package com.authorworks.content.internal;

import java.time.Instant;

import com.authorworks.content.BookId;
import com.authorworks.platform.UserId;

/** A book's own fields; {@code metadata} is a JSON object kept as text. */
public record Book(BookId id, UserId owner, String title, String description, BookFormat format, BookStatus status,
                   String metadata, Instant createdAt, Instant updatedAt) {
}
