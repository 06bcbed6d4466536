package com.authorworks.engine.story;

import java.util.List;

/** The whole story in brief: the top of the hierarchical summary until the book is drafted. */
public record Synopsis(String logline, String synopsis, String ending, List<String> themes) {
}
