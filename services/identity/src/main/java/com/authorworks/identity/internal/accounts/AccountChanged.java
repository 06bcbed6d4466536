package com.authorworks.identity.internal.accounts;

import com.authorworks.platform.UserId;

/** Something of a user's account that their profile shows changed: email verified, roles. */
public record AccountChanged(UserId user) {
}
