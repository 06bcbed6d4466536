package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Defaults: 5 failed password attempts a minute per (account, client address), 30 a minute per
 * client address, 20 in 15 minutes per account from addresses it has not signed in from lately,
 * 3 mails per mailbox in 15 minutes. The client addresses come through the trusted local proxy's
 * X-Forwarded-For.
 */
class RateLimitIntegrationTests extends IdentityIntegrationTest {

    private Api.Response loginFrom(String address, String email, String password) {
        return api().withHeader("X-Forwarded-For", address)
                .post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    @Test
    void fiveFailuresOnOneAccountFromOneAddressAnswer429WithRetryAfterEvenForTheRightPassword() {
        Session user = signedInUser("guessed");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(loginFrom("203.0.113.10", user.email(), "wrong guess number " + attempt).status()).isEqualTo(401);
        }
        Api.Response limited = loginFrom("203.0.113.10", user.email(), PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("too-many-attempts");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    }

    @Test
    void aStrangersFailuresDoNotLockTheOwnerOutOfTheirOwnAddress() {
        Session owner = signedInUser("owner");
        for (int attempt = 0; attempt < 12; attempt++) {
            assertThat(loginFrom("203.0.113.20", owner.email(), "stranger guess " + attempt).status()).isIn(401, 429);
        }
        assertThat(loginFrom("203.0.113.20", owner.email(), PASSWORD).status()).isEqualTo(429);

        Api.Response ownerSignsIn = loginFrom("198.51.100.20", owner.email(), PASSWORD);
        assertThat(ownerSignsIn.status()).as(ownerSignsIn.toString()).isEqualTo(200);
    }

    @Test
    void guessesFromManyNewAddressesStopAtTheAccountLimitWhileTheUsualAddressStillSignsIn() {
        Session owner = signedInUser("spread");
        assertThat(loginFrom("192.0.2.10", owner.email(), PASSWORD).status()).isEqualTo(200);
        for (int address = 1; address <= 5; address++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                assertThat(loginFrom("203.0.113." + (100 + address), owner.email(), "guess " + attempt).status())
                        .isEqualTo(401);
            }
        }
        Api.Response yetAnotherAddress = loginFrom("203.0.113.106", owner.email(), PASSWORD);
        assertThat(yetAnotherAddress.status()).isEqualTo(429);
        assertThat(yetAnotherAddress.code()).isEqualTo("too-many-attempts");

        Api.Response usual = loginFrom("192.0.2.10", owner.email(), PASSWORD);
        assertThat(usual.status()).as(usual.toString()).isEqualTo(200);
    }

    @Test
    void signInsWithTheRightPasswordAreNotCountedAsFailures() {
        Session user = signedInUser("frequent");
        for (int signIn = 0; signIn < 8; signIn++) {
            assertThat(loginFrom("203.0.113.30", user.email(), PASSWORD).status()).isEqualTo(200);
        }
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(loginFrom("203.0.113.30", user.email(), "typo " + attempt).status()).isEqualTo(401);
        }
        assertThat(loginFrom("203.0.113.30", user.email(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void tooManyFailuresFromOneAddressAnswer429EvenForFreshAccounts() {
        for (int attempt = 0; attempt < 30; attempt++) {
            Api.Response response = loginFrom("203.0.113.77", unique("victim") + "@example.test", "guess " + attempt);
            assertThat(response.status()).isEqualTo(401);
        }
        Api.Response limited = loginFrom("203.0.113.77", unique("victim") + "@example.test", "one more");
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
