package com.authorworks.identity.internal.profiles;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user as the API shows them. The private part (email, roles, preferences) is present only for
 * the user themselves and for admins; for everyone else those fields are left out entirely.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(String id, String username, String displayName, String bio, String avatarUrl,
        List<String> links, long followers, long following, Instant joinedAt,
        String email, Boolean emailVerified, Set<String> roles, Preferences preferences) {

    /** What everyone else sees. */
    UserView publicPart() {
        return new UserView(id, username, displayName, bio, avatarUrl, links, followers, following, joinedAt,
                null, null, null, null);
    }
}
