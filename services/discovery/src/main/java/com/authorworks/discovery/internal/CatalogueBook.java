package com.authorworks.discovery.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.authorworks.content.AccessPolicy;

/** A published book in discovery's read model, with its embedding. */
record CatalogueBook(UUID id, UUID authorId, String authorName, String title, String blurb, String genre, List<String> tags,
                     List<String> contentWarnings, String rating, String language, String status,
                     AccessPolicy.Readership readership, long words, int chapters, Instant firstPublishedAt, Instant publishedAt,
                     Instant updatedAt, float[] embedding) {

    /** What the embedding is computed from: what a reader would describe the book by. */
    static String describe(String title, String blurb, String genre, List<String> tags) {
        StringBuilder text = new StringBuilder(title).append(". ");
        if (genre != null) {
            text.append(genre.replace('-', ' ')).append(". ");
        }
        if (!tags.isEmpty()) {
            text.append(String.join(", ", tags)).append(". ");
        }
        return text.append(blurb).toString();
    }
}
