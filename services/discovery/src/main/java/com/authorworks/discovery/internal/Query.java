package com.authorworks.discovery.internal;

import java.util.List;

import com.authorworks.content.AccessPolicy;

/**
 * One search: text (optional), filters, a sort, a page. {@code readable} are the readerships the
 * caller may read (from the access policy); nothing else is ever matched. {@code updatedSince}: only books
 * updated (a chapter released, the listing changed) at or after it, or null.
 */
record Query(String text, List<String> genres, List<String> tags, List<String> excludedTags, Long minWords, Long maxWords,
             java.time.Instant updatedSince,
             List<String> statuses, List<String> ratings, List<String> languages, Sort sort, Cursor after, int size,
             List<AccessPolicy.Readership> readable) {

    enum Sort {
        RELEVANCE, PUBLISHED, UPDATED, WORDS, FOLLOWS, RATING, TITLE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
