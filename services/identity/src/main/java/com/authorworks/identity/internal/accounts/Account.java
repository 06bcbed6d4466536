package com.authorworks.identity.internal.accounts;

import java.time.Instant;
import java.util.Set;

import com.authorworks.platform.Role;
import com.authorworks.platform.UserId;

/**
 * A user's account as the identity service keeps it; the password hash never leaves this package's
 * callers. {@code tokenEpoch} goes into every access token issued for it ({@code TokenEpochs}).
 */
public record Account(UserId id, String email, String username, String passwordHash, boolean emailVerified,
        Set<Role> roles, Instant createdAt, long tokenEpoch) {

    @Override
    public String toString() {
        return "Account[" + id + ", " + username + "]";
    }
}
