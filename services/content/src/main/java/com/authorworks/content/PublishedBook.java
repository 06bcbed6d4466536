package com.authorworks.content;

import java.time.Instant;
import java.util.List;

import com.authorworks.platform.UserId;

/**
 * A published book as readers see it before they open it (its listing), with what discovery needs to
 * find, filter and rank it. {@code readership} is the {@link AccessPolicy}'s answer for it; values are
 * wire names ({@code genre} {@code fantasy}, {@code rating} {@code teen}, {@code status} {@code ongoing}).
 */
public record PublishedBook(BookId bookId, UserId authorId, String authorName, String title, String blurb, String genre,
                            List<String> tags, List<String> contentWarnings, String rating, String language, String status,
                            AccessPolicy.Readership readership, long words, int chapters, Instant firstPublishedAt,
                            Instant publishedAt, Instant updatedAt) {

    public PublishedBook {
        tags = List.copyOf(tags);
        contentWarnings = List.copyOf(contentWarnings);
    }
}
