package com.authorworks.identity.internal.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.IdentitySettings;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Throttles failed password attempts per (account, client address), against guessing one password,
 * per client address, against trying many accounts, and per account from addresses it has not
 * signed in from lately ({@link SignInAddresses}), against guessing one password from many
 * addresses; and mail requests per mailbox, against flooding someone with mail. A stranger's
 * failures never use up a bucket the owner needs at their usual address, so they cannot lock the
 * owner out of it. A correct
 * password gives its attempt back, so only failures count. Limits count the same whether or not the
 * account exists, so a 429 reveals nothing. The buckets are Bucket4j's, kept in PostgreSQL
 * ({@code identity.throttles}), so they hold across processes and restarts; rows whose bucket has
 * refilled are deleted every few minutes.
 */
@Component
class RateLimits implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    static final int MAILS_PER_ADDRESS = 3;
    static final Duration MAIL_PERIOD = Duration.ofMinutes(15);
    private static final Duration ATTEMPT_PERIOD = Duration.ofMinutes(1);
    static final Duration NEW_ADDRESS_PERIOD = Duration.ofMinutes(15);
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(5);

    private final IdentitySettings settings;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("identity-throttle-cleaner").factory());

    RateLimits(IdentitySettings settings, DataSource dataSource) {
        this.settings = settings;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("identity.throttles").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        cleaner.scheduleWithFixedDelay(this::removeRefilled, CLEAN_EVERY.toSeconds(), CLEAN_EVERY.toSeconds(),
                TimeUnit.SECONDS);
    }

    /**
     * One password attempt, before it is checked; throws {@link TooManyAttempts} when a limit is used
     * up. {@code usualAddress}: the account signed in from this address lately, so the account-wide
     * limit on failures from new addresses (against guessing from many addresses) does not apply.
     */
    PasswordAttempt passwordAttempt(String account, String clientAddress, boolean usualAddress) {
        List<BucketProxy> taken = new ArrayList<>(3);
        try {
            take(bucket("address:" + clientAddress, settings.loginAttemptsPerAddressPerMinute(), ATTEMPT_PERIOD), taken);
            take(bucket("account-address:" + account + "|" + clientAddress, settings.loginAttemptsPerAccountPerMinute(),
                    ATTEMPT_PERIOD), taken);
            if (!usualAddress) {
                take(bucket("account:" + account, settings.loginAttemptsPerAccountFromNewAddresses(), NEW_ADDRESS_PERIOD),
                        taken);
            }
        } catch (TooManyAttempts e) {
            giveBack(taken);
            throw e;
        }
        return () -> giveBack(taken);
    }

    private static void giveBack(List<BucketProxy> taken) {
        taken.forEach(bucket -> bucket.addTokens(1));
    }

    /** An attempt counted by {@link #passwordAttempt}; {@link #succeeded()} gives it back. */
    interface PasswordAttempt {
        void succeeded();
    }

    /** Counts one request that sends mail to {@code email}. */
    void mailRequest(String email) {
        take(bucket("mail:" + email, MAILS_PER_ADDRESS, MAIL_PERIOD));
    }

    private BucketProxy bucket(String key, int capacity, Duration period) {
        // Refilled all at once per period, so "5 a minute" means exactly that.
        return buckets.getProxy(key, () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, period))
                .build());
    }

    private static void take(BucketProxy bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyAttempts(Duration.ofSeconds(seconds));
        }
    }

    private static void take(BucketProxy bucket, List<BucketProxy> taken) {
        take(bucket);
        taken.add(bucket);
    }

    private void removeRefilled() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1_000);
            } while (removed == 1_000);
        } catch (RuntimeException e) {
            log.warn("Could not remove refilled sign-in throttles: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        cleaner.shutdownNow();
    }
}
