package com.authorworks.content.internal;

import java.util.List;

/**
 * The line-level differences between two versions (a line is a paragraph, heading or list item).
 *
 * @param changes each a run of lines deleted, inserted or changed, with 0-based positions in each version
 */
public record VersionDiff(int from, int to, List<Change> changes) {

    public record Change(String type, int fromPosition, List<String> fromLines, int toPosition, List<String> toLines) {
    }
}
