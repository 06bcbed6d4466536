package com.authorworks.identity.internal.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.tokens.OpaqueTokens;
import com.authorworks.platform.UserId;

/** Single-use, expiring tokens mailed to a user to prove they read that mailbox. */
@Component
class EmailTokens {

    enum Purpose {
        VERIFY_EMAIL("verify-email", Duration.ofHours(24)),
        RESET_PASSWORD("reset-password", Duration.ofHours(1));

        final String code;
        final Duration lifetime;

        Purpose(String code, Duration lifetime) {
            this.code = code;
            this.lifetime = lifetime;
        }
    }

    private final JdbcClient jdbc;

    EmailTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String issue(UserId user, Purpose purpose) {
        String token = OpaqueTokens.generate();
        jdbc.sql("""
                insert into identity.email_tokens (token_hash, user_id, purpose, expires_at)
                values (:hash, :user, :purpose, :expires)""")
                .param("hash", OpaqueTokens.hash(token))
                .param("user", user.value())
                .param("purpose", purpose.code)
                .param("expires", Timestamp.from(Instant.now().plus(purpose.lifetime)))
                .update();
        return token;
    }

    /** Uses up every token of the user still outstanding, of any purpose: the credentials they were mailed for changed. */
    void revokeAll(UserId user) {
        jdbc.sql("update identity.email_tokens set used_at = now() where user_id = :user and used_at is null")
                .param("user", user.value())
                .update();
    }

    /** Uses the token up; empty when it is unknown, used, expired or meant for something else. */
    Optional<UserId> consume(String token, Purpose purpose) {
        return jdbc.sql("""
                update identity.email_tokens set used_at = now()
                where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()
                returning user_id""")
                .param("hash", OpaqueTokens.hash(token))
                .param("purpose", purpose.code)
                .query(UUID.class)
                .optional()
                .map(UserId::new);
    }
}
