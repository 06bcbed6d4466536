package com.authorworks.identity;

import java.util.Set;

import com.authorworks.platform.Role;
import com.authorworks.platform.UserId;

/** The account a forward-auth request is signed in as, with its roles. */
public record ForwardAuthUser(UserId id, Set<Role> roles) {
}
