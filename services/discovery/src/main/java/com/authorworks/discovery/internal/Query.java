package com.authorworks.discovery.internal;

import java.util.List;

import com.authorworks.content.AccessPolicy;

/**
 * One search: text (optional), filters, a sort, a page. {@code readable} are the readerships the
 * caller may read (from the access policy); nothing else is ever matched. {@code updatedSince}: only books
 * updated (a chapter released, the listing changed) at or after it, or null. {@code excludedTags} and
 * {@code excludedAuthors} are left out of every result and count (the caller's blocklist is added to them).
 */
record Query(String text, List<String> genres, List<String> tags, List<String> excludedTags, List<java.util.UUID> excludedAuthors,
             Long minWords, Long maxWords,
             java.time.Instant updatedSince,
             List<String> statuses, List<String> ratings, List<String> languages, Sort sort, Cursor after, int size,
             List<AccessPolicy.Readership> readable) {

    enum Sort {
        RELEVANCE, PUBLISHED, UPDATED, WORDS, FOLLOWS, RATING, TITLE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** This search without the books of these authors and with none of these tags too (the caller's blocklist). */
    Query hiding(Blocklists.Hidden hidden) {
        if (hidden.isEmpty()) {
            return this;
        }
        List<String> hiddenTags = java.util.stream.Stream.concat(excludedTags.stream(), hidden.tags().stream()).distinct().toList();
        List<java.util.UUID> authors = java.util.stream.Stream.concat(excludedAuthors.stream(), hidden.authors().stream()).distinct().toList();
        return new Query(text, genres, tags, hiddenTags, authors, minWords, maxWords, updatedSince, statuses, ratings, languages, sort, after, size, readable);
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
