package com.authorworks.identity.internal.accounts;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.tokens.OpaqueTokens;
import com.authorworks.platform.UserId;

/**
 * The client addresses each user has signed in from with the right password in the last
 * {@link #REMEMBERED} days: their usual addresses, exempt from the account-wide throttle that a
 * stranger's failures can use up. Kept as SHA-256 hashes of the address, never the address itself.
 */
@Component
class SignInAddresses {

    static final Duration REMEMBERED = Duration.ofDays(30);

    private final JdbcClient jdbc;

    SignInAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean usual(UserId user, String address) {
        return jdbc.sql("""
                select exists (select 1 from identity.sign_in_addresses
                where user_id = :user and address_hash = :hash and last_success > now() - make_interval(days => :days))""")
                .param("user", user.value())
                .param("hash", OpaqueTokens.hash(address))
                .param("days", (int) REMEMBERED.toDays())
                .query(Boolean.class).single();
    }

    void signedIn(UserId user, String address) {
        jdbc.sql("""
                insert into identity.sign_in_addresses (user_id, address_hash, last_success) values (:user, :hash, now())
                on conflict (user_id, address_hash) do update set last_success = excluded.last_success""")
                .param("user", user.value())
                .param("hash", OpaqueTokens.hash(address))
                .update();
        // Each success forgets that user's addresses not seen for too long, so the table stays small.
        jdbc.sql("""
                delete from identity.sign_in_addresses
                where user_id = :user and last_success < now() - make_interval(days => :days)""")
                .param("user", user.value())
                .param("days", (int) REMEMBERED.toDays())
                .update();
    }
}
