package com.authorworks.platform.testing;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.authorworks.platform.UserId;
import com.authorworks.platform.security.AccessTokenKeys;
import com.authorworks.platform.security.AccessTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens signed the way the identity service signs them, for testing services that run
 * without it. Register an instance as a bean: it is the platform's {@link AccessTokenKeys}, so
 * tokens go through the real verification path. One key per JVM, so cached contexts agree.
 */
public final class TestAccessTokens implements AccessTokenKeys {

    private static final RSAKey KEY = generate();

    @Override
    public JWKSet publicKeys() {
        return new JWKSet(KEY.toPublicJWK());
    }

    /** A token for a user with the given roles (CREATOR when none), valid for an hour. */
    public static String token(UUID user, String... roles) {
        return token(user, List.of(roles.length == 0 ? new String[] {"CREATOR"} : roles), Instant.now().plusSeconds(3600));
    }

    public static String token(UUID user, List<String> roles, Instant expires) {
        return sign(KEY, user, roles, expires);
    }

    /** The value of an Authorization header for a creator. */
    public static String bearer(UserId user) {
        return "Bearer " + token(user.value());
    }

    /** Signs with any key, e.g. one the platform does not trust. */
    public static String sign(RSAKey key, UUID user, List<String> roles, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(AccessTokens.ISSUER).subject(user.toString())
                .claim(AccessTokens.ROLES_CLAIM, roles)
                .issueTime(new Date()).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A fresh 2048-bit RSA key with a random key id. */
    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
