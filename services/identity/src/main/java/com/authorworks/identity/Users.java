package com.authorworks.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import com.authorworks.platform.UserId;

/**
 * What other services may ask the identity service about users. A published contract: in identity's
 * process its bean implements it, elsewhere an HTTP client of it does (identity's address is
 * {@code AUTHORWORKS_JWKS_URI}'s), which throws {@link IdentityUnavailableException} when identity
 * cannot be reached.
 */
@HttpExchange("/api/v1/internal/identity/users")
public interface Users {

    /** The public profile of a user, or empty when there is no such user. */
    @GetExchange("/{id}/profile")
    Optional<PublicProfile> findProfile(@PathVariable("id") UserId id);

    /** At most this many users a call to {@link #findProfiles}. */
    int MAX_PROFILES = 100;

    /**
     * The public profiles of those of these users that exist, in no particular order (one round trip
     * for a page of names); more than {@link #MAX_PROFILES} ids is a bad request.
     */
    @GetExchange("/profiles")
    List<PublicProfile> findProfiles(@RequestParam("id") List<UserId> ids);

    /**
     * The public profiles of those of these usernames that belong to someone (matched regardless of case,
     * as usernames are unique), in no particular order: how an {@code @username} mention finds its user.
     * More than {@link #MAX_PROFILES} names is a bad request.
     */
    @GetExchange("/by-username")
    List<PublicProfile> findProfilesByUsername(@RequestParam("username") List<String> usernames);
}
