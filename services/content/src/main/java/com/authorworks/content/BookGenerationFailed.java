package com.authorworks.content;

import com.authorworks.platform.UserId;

/**
 * A book's generation stopped on an error; what was finished is kept and a resume continues from there.
 * One per job, like {@link BookGenerationCompleted}; {@code jobId} and {@code title} are null in
 * announcements recorded before they were added.
 */
public record BookGenerationFailed(BookId bookId, UserId userId, GenerationJobId jobId, String title, String reason) {
}
