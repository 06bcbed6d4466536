package com.authorworks.identity.internal.profiles;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.authorworks.identity.internal.accounts.AccountChanged;
import com.authorworks.platform.UserId;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Users as the API shows them to themselves, by id, for a few seconds: profile reads are most of
 * identity's traffic and each was a database round trip (bench/README.md, identity). Every change
 * made in this process forgets the users it touched once its transaction has committed, so a
 * change is seen at once here; another replica of identity may show it up to {@link #FRESHNESS}
 * late.
 */
@Component
class ProfileCache {

    static final Duration FRESHNESS = Duration.ofSeconds(5);
    static final int CAPACITY = 10_000;

    private final AsyncCache<UserId, UserView> users = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfterWrite(FRESHNESS)
            .buildAsync();

    /**
     * The user from memory, else from {@code load} on the calling thread; concurrent readers of the
     * same user wait for that one load, holding no lock meanwhile (a load under the cache's lock
     * stalled every reader behind it for up to seconds under load). Absent users are not remembered.
     */
    Optional<UserView> get(UserId id, Function<UserId, Optional<UserView>> load) {
        CompletableFuture<UserView> mine = new CompletableFuture<>();
        CompletableFuture<UserView> known = users.asMap().putIfAbsent(id, mine);
        if (known != null) {
            try {
                return Optional.ofNullable(known.join());
            } catch (CompletionException e) {
                return load.apply(id); // that load failed: this reader tries for itself
            }
        }
        try {
            UserView user = load.apply(id).orElse(null);
            mine.complete(user);
            return Optional.ofNullable(user);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Forgets these users, after the current transaction commits if there is one. */
    void changed(UserId... ids) {
        List<UserId> changed = List.of(ids);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    users.synchronous().invalidateAll(changed);
                }
            });
        } else {
            users.synchronous().invalidateAll(changed);
        }
    }

    @EventListener
    void on(AccountChanged event) {
        changed(event.user());
    }
}
