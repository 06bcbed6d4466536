package com.authorworks.platform.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import com.authorworks.platform.UserId;

/** Refuses a token issued before its user's current token epoch (a password changed since). */
final class TokenEpochValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error STALE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The access token was issued before the password was changed", null);
    private static final OAuth2Error MALFORMED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The access token's subject or epoch is malformed", null);

    private final TokenEpochs epochs;

    TokenEpochValidator(TokenEpochs epochs) {
        this.epochs = epochs;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UserId user;
        long epoch;
        try {
            user = UserId.of(token.getSubject());
            epoch = epochOf(token);
        } catch (IllegalArgumentException | NullPointerException e) {
            return OAuth2TokenValidatorResult.failure(MALFORMED);
        }
        return epoch >= epochs.current(user, token.getTokenValue())
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(STALE);
    }

    /** Tokens issued before epochs existed carry none: they belong to epoch 0. */
    static long epochOf(Jwt token) {
        Object claim = token.getClaims().get(AccessTokens.EPOCH_CLAIM);
        if (claim == null) {
            return 0;
        }
        if (claim instanceof Number number && number.longValue() >= 0 && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        throw new IllegalArgumentException("epoch must be a whole number");
    }
}
