package com.authorworks.identity.internal.profiles;

import java.util.List;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.identity.UserBlocks;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Callers;

/**
 * The {@link UserBlocks} contract for other processes. Blocks are private: a user (their token, or
 * a service token acting for them) may ask only about themselves; a service with no user may ask
 * about anyone (background work such as dropping mentions).
 */
@RestController
class UserBlocksEndpoint implements UserBlocks {

    private final Blocks blocks;

    UserBlocksEndpoint(Blocks blocks) {
        this.blocks = blocks;
    }

    @Override
    public boolean blockedEitherWay(UserId a, UserId b) {
        requireAbout(a, b);
        return blocks.blockedEitherWay(a, b);
    }

    @Override
    public List<UserId> blockedBy(UserId blocker) {
        requireAbout(blocker, blocker);
        return blocks.blockedBy(blocker);
    }

    @Override
    public List<UserId> blockedAmong(UserId user, List<UserId> others) {
        requireAbout(user, user);
        return blocks.blockedAmong(user, others);
    }

    /** A plain service token (no user) may ask anything; a caller acting for a user only about that user's own blocks. */
    private static void requireAbout(UserId one, UserId other) {
        var caller = CurrentUser.find();
        if (caller.isEmpty()) {
            Callers.requireService();
            return;
        }
        if (!caller.get().id().equals(one) && !caller.get().id().equals(other)) {
            throw Problem.forbidden("acting-for-another-user", "These credentials do not act for the user this call names.");
        }
    }
}
