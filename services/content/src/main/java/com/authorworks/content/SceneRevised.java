package com.authorworks.content;

import com.authorworks.platform.UserId;

/**
 * A scene's text was saved as a new version: an edit, a restore, a generation or revision, or the
 * shared editor writing back ({@code origin} says which, e.g. {@code edit}, {@code restore of 3},
 * {@code generated}, {@code collaboration}).
 */
public record SceneRevised(BookId bookId, UserId owner, SceneId sceneId, int version, String origin) {
}
