package com.authorworks.content.internal;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * One saved state of a scene or artifact.
 *
 * @param origin why it was saved: {@code edit}, {@code generated}, {@code restore of 3}...
 * @param author who saved it; null for the generator
 */
public record Version(int number, String body, int wordCount, UserId author, String origin, Instant createdAt) {

    /** The empty text the outline saves when it adds a scene: not a version anyone wrote. */
    public boolean placeholder() {
        return "planned".equals(origin) && wordCount == 0 && (body == null || body.isEmpty());
    }
}
