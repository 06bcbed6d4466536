package com.authorworks.engine.story;

import java.util.List;

/** The first plan step: what kind of story this is and for whom. */
public record Genre(String genre, List<String> subgenres, String audience, String tone, List<String> comparableTitles) {
}
