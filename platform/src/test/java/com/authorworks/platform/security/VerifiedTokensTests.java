package com.authorworks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private RSAKey key;
    private JwtTimestampValidator timestamps;
    private VerifiedTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(AccessTokens.ISSUER));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        nimbus.setJwtValidator(validator);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        tokens = new VerifiedTokens(counting, validator, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String token(String subject, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).subject(subject)
                        .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15)))).expirationTime(Date.from(expiresAt)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRecognised() throws Exception {
        String token = token("alice", NOW.plus(Duration.ofMinutes(15)));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");

        assertThat(verifications).hasValue(1);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpiredAndForgotten() throws Exception {
        String token = token("alice", NOW.plus(Duration.ofMinutes(15)));
        tokens.decode(token);

        timestamps.setClock(Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("no longer valid");
        assertThat(tokens.size()).isZero();
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsVerifiedAndRefused() throws Exception {
        String token = token("alice", NOW.plus(Duration.ofMinutes(15)));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String otherClaims = token("mallory", NOW.plus(Duration.ofMinutes(15))).split("\\.")[1];
        String tampered = parts[0] + "." + otherClaims + "." + parts[2];

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusedTokensAreNotRemembered() throws Exception {
        String expired = token("alice", NOW.minus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtValidationException.class);

        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }
}
