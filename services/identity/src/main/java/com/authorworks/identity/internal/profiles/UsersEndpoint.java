package com.authorworks.identity.internal.profiles;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.identity.PublicProfile;
import com.authorworks.identity.Users;
import com.authorworks.platform.UserId;

/** The {@link Users} contract for other processes; a public profile is public, so any authenticated caller may ask. */
@RestController
class UsersEndpoint implements Users {

    private final Profiles profiles;

    UsersEndpoint(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<PublicProfile> findProfile(UserId id) {
        return profiles.findProfile(id);
    }

    @Override
    public List<PublicProfile> findProfiles(List<UserId> ids) {
        return profiles.findProfiles(ids);
    }

    @Override
    public List<PublicProfile> findProfilesByUsername(List<String> usernames) {
        return profiles.findProfilesByUsername(usernames);
    }
}
