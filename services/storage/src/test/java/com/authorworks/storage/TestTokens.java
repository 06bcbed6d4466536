package com.authorworks.storage;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.authorworks.platform.UserId;
import com.authorworks.platform.security.AccessTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Mints RS256 access tokens the way the identity service does, with a key made for the tests. */
public final class TestTokens {

    static final RSAKey KEY = generate();

    private TestTokens() {
    }

    public static String bearer(UserId user) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(AccessTokens.ISSUER)
                    .subject(user.toString())
                    .claim(AccessTokens.ROLES_CLAIM, List.of("CREATOR"))
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(900)))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
