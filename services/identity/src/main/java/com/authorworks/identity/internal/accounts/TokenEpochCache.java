package com.authorworks.identity.internal.accounts;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.authorworks.platform.UserId;
import com.authorworks.platform.redis.RedisChannel;
import com.authorworks.platform.redis.SharedRedis;
import com.authorworks.platform.security.TokenEpochs;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Users' token epochs, asked on every authenticated request of this process, answered from memory
 * for up to {@link #FRESHNESS} (one primary-key read per user in that time otherwise). A password
 * change made here stores the new epoch once its transaction commits, so the old access tokens
 * fail at once in this process; another replica of identity learns it within {@link #FRESHNESS},
 * the same bound as its profile reads ({@code ProfileCache}); with REDIS_URL every process learns it at
 * once ({@link TokenEpochs#CHANNEL}). A user that does not exist refuses every token.
 */
@Component
class TokenEpochCache implements TokenEpochs {

    static final Duration FRESHNESS = Duration.ofSeconds(5);
    static final int CAPACITY = 10_000;

    private final UserAccounts users;
    private final Cache<UserId, Long> epochs = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfterWrite(FRESHNESS)
            .build();

    private final RedisChannel announcements;

    TokenEpochCache(UserAccounts users, ObjectProvider<SharedRedis> redis) {
        this.users = users;
        SharedRedis shared = redis.getIfAvailable();
        // other identity replicas announce theirs; ours come back too, which changes nothing (never lowered)
        this.announcements = shared == null ? null
                : shared.channel(TokenEpochs.CHANNEL, announcement -> TokenEpochs.read(announcement, this::remember));
    }

    @Override
    public long current(UserId user, String accessToken) {
        return epochs.get(user, id -> users.tokenEpoch(id).orElse(Long.MAX_VALUE));
    }

    /** The user's epoch is now {@code epoch}, from when the current transaction commits. */
    void advanced(UserId user, long epoch) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    rememberAndAnnounce(user, epoch);
                }
            });
        } else {
            rememberAndAnnounce(user, epoch);
        }
    }

    // Never lowered: a load that read the old epoch cannot overwrite the new one.
    private void remember(UserId user, long epoch) {
        epochs.asMap().merge(user, epoch, Math::max);
    }

    /** Remembers it here and, with Redis, tells every other process at once. */
    private void rememberAndAnnounce(UserId user, long epoch) {
        remember(user, epoch);
        if (announcements != null) {
            announcements.publish(TokenEpochs.announcement(user, epoch));
        }
    }
}
