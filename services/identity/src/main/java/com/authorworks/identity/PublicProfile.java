package com.authorworks.identity;

import java.time.Instant;
import java.util.List;

import com.authorworks.platform.UserId;

/** A user as anyone may see them: never their email, roles or preferences. */
public record PublicProfile(UserId id, String username, String displayName, String bio, String avatarUrl,
        List<String> links, long followers, long following, Instant joinedAt) {
}
