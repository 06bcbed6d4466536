package com.authorworks.identity.internal.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.platform.ratelimits.RateLimiter;
import com.authorworks.platform.ratelimits.RateLimiter.Limit;
import com.authorworks.platform.ratelimits.RateLimiters;

/**
 * Throttles failed password attempts per (account, client address), against guessing one password,
 * per client address, against trying many accounts, and per account from addresses it has not
 * signed in from lately ({@link SignInAddresses}), against guessing one password from many
 * addresses; and mail requests per mailbox, against flooding someone with mail. A stranger's
 * failures never use up a bucket the owner needs at their usual address, so they cannot lock the
 * owner out of it. A correct
 * password gives its attempt back, so only failures count. Limits count the same whether or not the
 * account exists, so a 429 reveals nothing. The buckets are the platform's ({@link RateLimiters}): in
 * the shared Redis when REDIS_URL is set, else in PostgreSQL ({@code identity.throttles}), so they hold
 * across processes and restarts.
 */
@Component
class RateLimits {

    static final int MAILS_PER_ADDRESS = 3;
    static final Duration MAIL_PERIOD = Duration.ofMinutes(15);
    private static final Duration ATTEMPT_PERIOD = Duration.ofMinutes(1);
    static final Duration NEW_ADDRESS_PERIOD = Duration.ofMinutes(15);

    private final IdentitySettings settings;
    private final RateLimiter buckets;

    RateLimits(IdentitySettings settings, RateLimiters limiters) {
        this.settings = settings;
        this.buckets = limiters.shared("identity", "identity.throttles");
    }

    /**
     * One password attempt, before it is checked; throws {@link TooManyAttempts} when a limit is used
     * up. {@code usualAddress}: the account signed in from this address lately, so the account-wide
     * limit on failures from new addresses (against guessing from many addresses) does not apply.
     */
    PasswordAttempt passwordAttempt(String account, String clientAddress, boolean usualAddress) {
        List<RateLimiter.Take> taken = new ArrayList<>(3);
        try {
            take("address:" + clientAddress, new Limit(settings.loginAttemptsPerAddressPerMinute(), ATTEMPT_PERIOD), taken);
            take("account-address:" + account + "|" + clientAddress,
                    new Limit(settings.loginAttemptsPerAccountPerMinute(), ATTEMPT_PERIOD), taken);
            if (!usualAddress) {
                take("account:" + account, new Limit(settings.loginAttemptsPerAccountFromNewAddresses(), NEW_ADDRESS_PERIOD),
                        taken);
            }
        } catch (TooManyAttempts e) {
            giveBack(taken);
            throw e;
        }
        return () -> giveBack(taken);
    }

    private static void giveBack(List<RateLimiter.Take> taken) {
        taken.forEach(RateLimiter.Take::giveBack);
    }

    /** An attempt counted by {@link #passwordAttempt}; {@link #succeeded()} gives it back. */
    interface PasswordAttempt {
        void succeeded();
    }

    /** Counts one request that sends mail to {@code email}. */
    void mailRequest(String email) {
        take("mail:" + email, new Limit(MAILS_PER_ADDRESS, MAIL_PERIOD), new ArrayList<>(1));
    }

    private void take(String key, Limit limit, List<RateLimiter.Take> taken) {
        RateLimiter.Take take = buckets.take(key, limit);
        if (!take.taken()) {
            throw new TooManyAttempts(take.retryAfter());
        }
        taken.add(take);
    }
}
