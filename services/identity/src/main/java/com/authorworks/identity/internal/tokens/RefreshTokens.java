package com.authorworks.identity.internal.tokens;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.platform.UserId;

/**
 * Long-lived, single-use refresh tokens. Using one revokes it and hands out its successor in the
 * same family; presenting an already used one means it was stolen (or the client is confused), so
 * the whole family is revoked and everyone holding it must sign in again.
 */
@Component
public class RefreshTokens {

    /** The outcome of presenting a refresh token. */
    public sealed interface Rotation {
        record Rotated(UserId user, String token) implements Rotation {
        }

        record Refused(String code, String detail) implements Rotation {
        }
    }

    private record Stored(UUID id, UserId user, UUID family, Instant expiresAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IdentitySettings settings;

    public RefreshTokens(JdbcClient jdbc, TransactionTemplate transactions, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Starts a new family, at sign-in. */
    public String start(UserId user) {
        return insert(user, UUID.randomUUID());
    }

    public long lifetimeSeconds() {
        return settings.refreshTokenLifetime().toSeconds();
    }

    /** Committed even when refused, so a detected reuse really revokes the family. */
    public Rotation rotate(String token) {
        return transactions.execute(status -> {
            Optional<Stored> found = jdbc.sql("""
                    select id, user_id, family_id, expires_at, revoked_at from identity.refresh_tokens
                    where token_hash = :hash for update""")
                    .param("hash", OpaqueTokens.hash(token))
                    .query((rs, n) -> new Stored(rs.getObject("id", UUID.class),
                            new UserId(rs.getObject("user_id", UUID.class)), rs.getObject("family_id", UUID.class),
                            rs.getTimestamp("expires_at").toInstant(),
                            Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant).orElse(null)))
                    .optional();
            if (found.isEmpty()) {
                return new Rotation.Refused("invalid-refresh-token", "This refresh token is not valid: sign in again.");
            }
            Stored stored = found.get();
            if (stored.revokedAt() != null) {
                revokeFamily(stored.family());
                return new Rotation.Refused("refresh-token-reused",
                        "This refresh token was already used; every session started with it is now signed out.");
            }
            if (stored.expiresAt().isBefore(Instant.now())) {
                return new Rotation.Refused("refresh-token-expired", "This refresh token has expired: sign in again.");
            }
            jdbc.sql("update identity.refresh_tokens set revoked_at = now() where id = :id").param("id", stored.id()).update();
            return new Rotation.Rotated(stored.user(), insert(stored.user(), stored.family()));
        });
    }

    /** Signs out the session the token belongs to; unknown tokens are ignored (sign-out is idempotent). */
    public void revokeSession(String token) {
        jdbc.sql("""
                update identity.refresh_tokens set revoked_at = now()
                where revoked_at is null
                  and family_id = (select family_id from identity.refresh_tokens where token_hash = :hash)""")
                .param("hash", OpaqueTokens.hash(token))
                .update();
    }

    /** Signs the user out everywhere, e.g. after a password change. */
    public void revokeAll(UserId user) {
        jdbc.sql("update identity.refresh_tokens set revoked_at = now() where user_id = :user and revoked_at is null")
                .param("user", user.value())
                .update();
    }

    private void revokeFamily(UUID family) {
        jdbc.sql("update identity.refresh_tokens set revoked_at = now() where family_id = :family and revoked_at is null")
                .param("family", family)
                .update();
    }

    private String insert(UserId user, UUID family) {
        String token = OpaqueTokens.generate();
        jdbc.sql("""
                insert into identity.refresh_tokens (id, user_id, family_id, token_hash, expires_at)
                values (:id, :user, :family, :hash, :expires)""")
                .param("id", UUID.randomUUID())
                .param("user", user.value())
                .param("family", family)
                .param("hash", OpaqueTokens.hash(token))
                .param("expires", Timestamp.from(Instant.now().plus(settings.refreshTokenLifetime())))
                .update();
        return token;
    }
}
