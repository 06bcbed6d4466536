package com.authorworks.discovery.internal;

import java.util.List;
import java.util.Objects;

/**
 * A search's parameters as {@code GET /api/v1/discover/books} takes them (without the page): what a saved search
 * keeps and runs again. Every field may be left out.
 */
record SearchParams(String q, List<String> genre, List<String> tag, List<String> excludeTag, Long minWords, Long maxWords,
                    String updatedSince, List<String> status, List<String> rating, List<String> language, String sort) {

    /** No parameters: every book, in the default order. */
    static final SearchParams NONE = new SearchParams(null, null, null, null, null, null, null, null, null, null, null);

    SearchParams {
        genre = given(genre);
        tag = given(tag);
        excludeTag = given(excludeTag);
        status = given(status);
        rating = given(rating);
        language = given(language);
    }

    private static List<String> given(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
