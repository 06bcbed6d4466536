package com.authorworks.discovery.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.authorworks.identity.IdentityUnavailableException;
import com.authorworks.identity.UserBlocks;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * Users' blocks, as identity's published {@link UserBlocks} contract tells them (either way: whoever
 * blocked whom, the pair is kept apart). A reader sees no comment of someone in a block with them, and
 * cannot answer one. While identity cannot be reached a page of comments is still shown (unfiltered,
 * logged), but a reply is refused with a 503: nobody is let through a block they asked for.
 */
@Component
class Blocking {

    private static final Logger log = LoggerFactory.getLogger(Blocking.class);

    private final ObjectProvider<UserBlocks> blocks;

    Blocking(ObjectProvider<UserBlocks> blocks) {
        this.blocks = blocks;
    }

    /** Those of these authors in a block with the viewer (none for an anonymous viewer): one call for a page. */
    Set<UUID> among(Optional<CurrentUser> viewer, Collection<UUID> authors) {
        UserBlocks identity = blocks.getIfAvailable();
        List<UserId> others = authors.stream().filter(java.util.Objects::nonNull).distinct().limit(UserBlocks.MAX_AMONG).map(UserId::new).toList();
        if (identity == null || viewer.isEmpty() || others.isEmpty()) {
            return Set.of();
        }
        try {
            return identity.blockedAmong(viewer.get().id(), others).stream().map(UserId::value).collect(Collectors.toUnmodifiableSet());
        } catch (IdentityUnavailableException e) {
            log.warn("Comments shown unfiltered by blocks: identity cannot be reached ({})", e.getMessage());
            return Set.of();
        }
    }

    /** Whether the viewer is in a block with this author, for one comment shown. */
    boolean between(Optional<CurrentUser> viewer, UUID author) {
        return author != null && among(viewer, List.of(author)).contains(author);
    }

    /** Refuses with a 403 {@code blocked} when the two are in a block, and with a 503 when identity cannot say. */
    void requireNone(CurrentUser writer, UUID other) {
        UserBlocks identity = blocks.getIfAvailable();
        if (identity == null || other == null || writer.id().value().equals(other)) {
            return;
        }
        boolean blocked;
        try {
            blocked = identity.blockedEitherWay(writer.id(), new UserId(other));
        } catch (IdentityUnavailableException e) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", "Blocks cannot be checked just now: try again shortly.");
        }
        if (blocked) {
            throw Problem.forbidden("blocked", "You cannot reply to this reader.");
        }
    }
}
