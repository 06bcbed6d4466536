package com.authorworks.identity.internal.profiles;

import java.util.List;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.identity.UserFollows;
import com.authorworks.platform.UserId;

/** The {@link UserFollows} contract for other processes; follows are public, so any authenticated caller may ask. */
@RestController
class UserFollowsEndpoint implements UserFollows {

    private final Follows follows;

    UserFollowsEndpoint(Follows follows) {
        this.follows = follows;
    }

    @Override
    public List<UserId> following(UserId user) {
        return follows.following(user);
    }
}
