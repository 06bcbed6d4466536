package com.authorworks.identity.internal.accounts;

import java.time.Instant;
import java.util.Set;

import com.authorworks.platform.Role;
import com.authorworks.platform.UserId;

/** A user's account as the identity service keeps it; the password hash never leaves this package's callers. */
public record Account(UserId id, String email, String username, String passwordHash, boolean emailVerified,
        Set<Role> roles, Instant createdAt) {

    @Override
    public String toString() {
        return "Account[" + id + ", " + username + "]";
    }
}
