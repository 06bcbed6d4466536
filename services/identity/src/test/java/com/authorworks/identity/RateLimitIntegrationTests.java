package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Defaults: 5 password attempts a minute per account, 30 a minute per client address, 3 mails per mailbox in 15 minutes. */
class RateLimitIntegrationTests extends IdentityIntegrationTest {

    @Test
    void tooManyAttemptsOnOneAccountAnswer429WithRetryAfter() {
        Session user = signedInUser("guessed");
        // signing in used the first of the five attempts
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(login(user.email(), "wrong guess number " + attempt).status()).isEqualTo(401);
        }
        Api.Response limited = login(user.email(), PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("too-many-attempts");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    }

    @Test
    void tooManyAttemptsFromOneAddressAnswer429EvenForFreshAccounts() {
        Api attacker = api().withHeader("X-Forwarded-For", "203.0.113.77");
        for (int attempt = 0; attempt < 30; attempt++) {
            Api.Response response = attacker.post("/api/v1/auth/login",
                    Map.of("email", unique("victim") + "@example.test", "password", "guess " + attempt));
            assertThat(response.status()).isEqualTo(401);
        }
        Api.Response limited = attacker.post("/api/v1/auth/login",
                Map.of("email", unique("victim") + "@example.test", "password", "one more"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // Another address is not affected.
        assertThat(login(unique("bystander") + "@example.test", "whatever it is").status()).isEqualTo(401);
    }

    @Test
    void mailRequestsToOneMailboxAreLimitedWhetherOrNotItHasAnAccount() {
        String email = unique("flooded") + "@example.test";
        for (int request = 0; request < 3; request++) {
            assertThat(api().post("/api/v1/auth/forgot-password", Map.of("email", email)).status()).isEqualTo(202);
        }
        Api.Response limited = api().post("/api/v1/auth/resend-verification", Map.of("email", email));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("too-many-attempts");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }
}
