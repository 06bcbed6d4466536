package com.authorworks.platform.security;

import com.authorworks.platform.UserId;

/**
 * Each user's token epoch: a number that only grows, advanced when every credential of the user
 * must die at once (a password change or reset). An access token carries the epoch it was issued
 * in ({@link AccessTokens#EPOCH_CLAIM}) and is refused once the user's epoch has moved past it.
 * The identity service provides this when it runs in the process; elsewhere the platform asks it
 * over HTTP ({@code RemoteTokenEpochs}). Asked on every authenticated request, so it must answer
 * from memory.
 */
public interface TokenEpochs {

    /**
     * The user's current epoch. {@code accessToken} is the token being checked, for an
     * implementation that must present it to learn the answer.
     */
    long current(UserId user, String accessToken);

    /**
     * With REDIS_URL, identity announces each advanced epoch on this channel ({@link #announcement}), and every
     * process takes it at once instead of when its remembered answer is no longer fresh.
     */
    String CHANNEL = "authorworks:token-epochs";

    static String announcement(UserId user, long epoch) {
        return user + " " + epoch;
    }

    /** Hands a well-formed announcement to {@code advanced}; anything else is ignored. */
    static void read(String announcement, java.util.function.ObjLongConsumer<UserId> advanced) {
        String[] parts = announcement.split(" ");
        if (parts.length != 2) {
            return;
        }
        try {
            advanced.accept(UserId.of(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException ignored) {
            // not an announcement of ours
        }
    }
}
