package com.authorworks.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.authorworks.identity.IdentityUnavailableException;
import com.authorworks.identity.PublicProfile;
import com.authorworks.identity.Users;
import com.authorworks.platform.UserId;

/**
 * Identity's {@link Users} contract as a process without identity would have it from identity: the users the test
 * names (username their name in lower case with hyphens, bio "Writes about {name}.", 7 followers), nobody else;
 * {@link #down} fails like an unreachable identity; {@link #asked} records each {@code findProfiles} call. Identity's
 * own tests hold its real bean and its HTTP client to the contract.
 */
class TestUsers implements Users {

    final Map<UUID, String> names = new ConcurrentHashMap<>();
    final List<List<UserId>> asked = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public Optional<PublicProfile> findProfile(UserId id) {
        if (down) {
            throw new IdentityUnavailableException("identity is down (test)", null);
        }
        return Optional.ofNullable(names.get(id.value())).map(name -> new PublicProfile(id, name.toLowerCase().replace(' ', '-'), name,
                "Writes about " + name + ".", null, List.of(), 7, 0, Instant.EPOCH));
    }

    @Override
    public List<PublicProfile> findProfiles(List<UserId> ids) {
        asked.add(List.copyOf(ids));
        return ids.stream().map(this::findProfile).flatMap(Optional::stream).toList();
    }

    @Override
    public List<PublicProfile> findProfilesByUsername(List<String> usernames) {
        return List.of();
    }
}
