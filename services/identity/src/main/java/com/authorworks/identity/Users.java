package com.authorworks.identity;

import java.util.Optional;

import com.authorworks.platform.UserId;

/** What other services may ask the identity service about users. */
public interface Users {

    /** The public profile of a user, or empty when there is no such user. */
    Optional<PublicProfile> findProfile(UserId id);
}
