package com.authorworks.content;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;

import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Contracts;

/**
 * A scene's text and what a user may do with it, for services that edit scenes (the editor). The
 * decision is content's {@link AccessPolicy}, taken here: a caller never decides it a second time.
 *
 * <p>The content service's published contract (docs/platform.md): in its own process its bean
 * implements this; in a process without content an HTTP client of the same interface does
 * ({@code AUTHORWORKS_CONTENT_URL}), acting for {@code user}. When content cannot be reached it throws
 * {@link ContentUnavailableException}.
 */
@HttpExchange("/api/v1/internal/content/scenes")
public interface Scenes {

    /** The scene and the user's access to its book; 404 {@code scene-not-found} when they may not read it. */
    @GetExchange("/{id}")
    SceneText read(@RequestHeader(Contracts.ON_BEHALF_OF) UserId user, @PathVariable("id") SceneId id);

    /**
     * Saves new text (sanitised by content) as the scene's next version, authored by {@code user}, who
     * must own the book (404 otherwise); with a {@code baseVersion}, 409 {@code edit-conflict} if someone
     * saved since.
     */
    @PutExchange("/{id}")
    SceneText save(@RequestHeader(Contracts.ON_BEHALF_OF) UserId user, @PathVariable("id") SceneId id,
                   @RequestBody SceneEdit edit);

    /** A scene as a user sees it: {@code html} is content's sanitised text, {@code version} its latest saved version. */
    record SceneText(SceneId id, BookId bookId, ChapterId chapterId, String title, String html, int version,
                     AccessPolicy.Access access) {
    }

    /** New text for a scene; {@code origin} says where it came from ({@code editor}, {@code collaboration}). */
    record SceneEdit(String html, Integer baseVersion, String origin) {
    }
}
