package com.authorworks.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Access tokens whose signature this process has already verified, by their exact text, until
 * they expire. Checking an RS256 signature and parsing the token was about a quarter of the CPU of
 * an authenticated read (bench/README.md, identity); a client sends the same token for minutes.
 * The claims of a remembered token are validated again on every use, so an expired token is
 * refused exactly as if it were new; a token that differs in any character is verified afresh.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int CAPACITY = 4_096;
    private static final Duration LONGEST = Duration.ofHours(1);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfter(Expiry.creating((String token, Jwt jwt) -> remainingLife(jwt)))
            .build();

    /** {@code verifier} checks signature and claims; {@code validator} is the claims part alone. */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this(verifier, validator, Clock.systemUTC());
    }

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("The access token is no longer valid", result.getErrors());
        }
        return known;
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private Duration remainingLife(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}
