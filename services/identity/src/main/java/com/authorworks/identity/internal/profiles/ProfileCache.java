package com.authorworks.identity.internal.profiles;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.authorworks.identity.internal.accounts.AccountChanged;
import com.authorworks.platform.UserId;
import com.github.benmanes.caffeine.cache.Cache;
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

    private final Cache<UserId, UserView> users = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfterWrite(FRESHNESS)
            .build();

    /** The user from memory, else from {@code load} (absent users are not remembered). */
    Optional<UserView> get(UserId id, Function<UserId, Optional<UserView>> load) {
        return Optional.ofNullable(users.get(id, key -> load.apply(key).orElse(null)));
    }

    /** Forgets these users, after the current transaction commits if there is one. */
    void changed(UserId... ids) {
        List<UserId> changed = List.of(ids);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    users.invalidateAll(changed);
                }
            });
        } else {
            users.invalidateAll(changed);
        }
    }

    @EventListener
    void on(AccountChanged event) {
        changed(event.user());
    }
}
