package com.authorworks.discovery.internal;

import java.util.List;

/**
 * A search's parameters as {@code GET /api/v1/discover/books} takes them (without the page): what a saved search
 * keeps and runs again. Every field may be left out.
 */
record SearchParams(String q, List<String> genre, List<String> tag, List<String> excludeTag, Long minWords, Long maxWords,
                    String updatedSince, List<String> status, List<String> rating, List<String> language, String sort) {

    SearchParams {
        genre = genre == null ? List.of() : List.copyOf(genre.stream().filter(java.util.Objects::nonNull).toList());
        tag = tag == null ? List.of() : List.copyOf(tag.stream().filter(java.util.Objects::nonNull).toList());
        excludeTag = excludeTag == null ? List.of() : List.copyOf(excludeTag.stream().filter(java.util.Objects::nonNull).toList());
        status = status == null ? List.of() : List.copyOf(status.stream().filter(java.util.Objects::nonNull).toList());
        rating = rating == null ? List.of() : List.copyOf(rating.stream().filter(java.util.Objects::nonNull).toList());
        language = language == null ? List.of() : List.copyOf(language.stream().filter(java.util.Objects::nonNull).toList());
    }
}
