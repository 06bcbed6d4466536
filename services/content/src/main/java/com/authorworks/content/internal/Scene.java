package com.authorworks.content.internal;

import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;

/**
 * A scene; {@code content} is sanitised HTML and {@code version} the number of its latest saved
 * version, which an edit must name to be accepted (optimistic concurrency).
 */
public record Scene(SceneId id, ChapterId chapterId, int number, String title, String content, int wordCount,
                    PartStatus status, int version) {
}
