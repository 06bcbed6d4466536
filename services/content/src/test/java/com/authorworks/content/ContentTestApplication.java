package com.authorworks.content;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.security.AccessTokenKeys;
import com.authorworks.platform.security.AccessTokens;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The content service on the platform, without the identity service: this key stands in for
 * identity's signing key, so tokens go through the real validation path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ContentTestApplication {

    static final KeyPair KEYS = generate();

    @Bean
    AccessTokenKeys accessTokenKeys() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("test").build();
        return () -> new JWKSet(key);
    }

    /** An RS256 access token as identity issues it. */
    public static String token(UUID user, String... roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(AccessTokens.ISSUER).subject(user.toString())
                    .claim(AccessTokens.ROLES_CLAIM, List.of(roles.length == 0 ? new String[] {"CREATOR"} : roles))
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test")
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
