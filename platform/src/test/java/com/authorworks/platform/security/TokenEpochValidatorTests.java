package com.authorworks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenEpochValidatorTests {

    private static final UUID USER = UUID.randomUUID();
    /** The user's epoch is 2. */
    private final TokenEpochValidator validator = new TokenEpochValidator((user, token) -> 2);

    private static Jwt token(String subject, Object epoch) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (epoch != null) {
            builder.claim(AccessTokens.EPOCH_CLAIM, epoch);
        }
        return builder.build();
    }

    @Test
    void aTokenOfTheCurrentOrALaterEpochPasses() {
        assertThat(validator.validate(token(USER.toString(), 2L)).hasErrors()).isFalse();
        assertThat(validator.validate(token(USER.toString(), 3)).hasErrors()).isFalse();
    }

    @Test
    void aTokenOfAnEarlierEpochOrNoneIsRefused() {
        assertThat(validator.validate(token(USER.toString(), 1L)).hasErrors()).isTrue();
        assertThat(validator.validate(token(USER.toString(), null)).hasErrors()).isTrue();
    }

    @Test
    void aMalformedEpochOrSubjectIsRefused() {
        for (Object epoch : new Object[] {"2", 2.5, -1, true}) {
            assertThat(validator.validate(token(USER.toString(), epoch)).hasErrors()).as(String.valueOf(epoch)).isTrue();
        }
        assertThat(validator.validate(token("not-a-uuid", 2L)).hasErrors()).isTrue();
    }

    @Test
    void withoutAnEpochATokenIsOfEpochZero() {
        TokenEpochValidator fresh = new TokenEpochValidator((user, token) -> 0);
        assertThat(fresh.validate(token(USER.toString(), null)).hasErrors()).isFalse();
    }
}
