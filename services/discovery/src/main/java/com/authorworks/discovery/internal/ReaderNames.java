package com.authorworks.discovery.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.authorworks.identity.IdentityUnavailableException;
import com.authorworks.identity.PublicProfile;
import com.authorworks.identity.Users;
import com.authorworks.platform.UserId;

/**
 * Readers' display names, asked of identity through its published {@link Users} contract (discovery
 * keeps no copy of anyone's name). A reader identity does not know, or every reader while identity
 * cannot be reached, has no name: a page of reviews is still shown, by reader id.
 */
@Component
class ReaderNames {

    private static final Logger log = LoggerFactory.getLogger(ReaderNames.class);

    private final ObjectProvider<Users> users;

    ReaderNames(ObjectProvider<Users> users) {
        this.users = users;
    }

    /** The user's public profile, as identity knows it: empty for a user it does not know, and while it cannot be reached (logged). */
    java.util.Optional<PublicProfile> profile(UUID user) {
        Users directory = users.getIfAvailable();
        if (directory == null) {
            return java.util.Optional.empty();
        }
        try {
            return directory.findProfile(new UserId(user));
        } catch (IdentityUnavailableException e) {
            log.warn("An author's profile left out: identity cannot be reached ({})", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** The display names of those of these readers identity knows, by id: one call for them all (at most {@link Users#MAX_PROFILES}). */
    Map<UUID, String> of(Collection<UUID> readers) {
        Users directory = users.getIfAvailable();
        Map<UUID, String> names = new HashMap<>();
        List<UserId> ids = new LinkedHashSet<>(readers).stream().limit(Users.MAX_PROFILES).map(UserId::new).toList();
        if (directory == null || ids.isEmpty()) {
            return names;
        }
        try {
            for (PublicProfile profile : directory.findProfiles(ids)) {
                if (profile.displayName() != null) {
                    names.put(profile.id().value(), profile.displayName());
                }
            }
        } catch (IdentityUnavailableException e) {
            log.warn("Reviewers' names left out: identity cannot be reached ({})", e.getMessage());
        }
        return names;
    }
}
