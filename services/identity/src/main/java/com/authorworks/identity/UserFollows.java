package com.authorworks.identity;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import com.authorworks.platform.UserId;

/**
 * Who follows whom, for other services (messaging's contacts are the people a user talks to and the
 * people they follow). A published contract like {@link Users}; follows are public, so any
 * authenticated caller may ask.
 */
@HttpExchange("/api/v1/internal/identity/follows")
public interface UserFollows {

    /** At most this many users a call to {@link #following} answers. */
    int MAX_FOLLOWING = 500;

    /** Whom the user follows, newest follow first (at most {@link #MAX_FOLLOWING}); empty for an unknown user. */
    @GetExchange("/{id}/following")
    List<UserId> following(@PathVariable("id") UserId user);
}
