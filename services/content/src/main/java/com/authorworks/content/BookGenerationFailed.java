package com.authorworks.content;

import com.authorworks.platform.UserId;

/** A book's generation stopped on an error; what was finished is kept and a resume continues from there. */
public record BookGenerationFailed(BookId bookId, UserId userId, String reason) {
}
