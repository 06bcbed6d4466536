package com.authorworks.content;

import com.authorworks.platform.UserId;

/** The generator finished a scene's text and it is saved. */
public record SceneDrafted(BookId bookId, UserId userId, SceneId sceneId, int chapter, int scene, int words) {
}
