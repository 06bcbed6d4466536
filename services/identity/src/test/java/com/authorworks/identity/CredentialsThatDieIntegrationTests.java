package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A new password kills every older credential of the user: mailed reset and verification links,
 * refresh tokens, and access tokens at once (not at their expiry), even one this process has
 * already verified and remembers.
 */
class CredentialsThatDieIntegrationTests extends IdentityIntegrationTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private Api.Response me(String accessToken) {
        return api().as(accessToken).get("/api/v1/users/me");
    }

    private Api.Response reset(String token) {
        return api().post("/api/v1/auth/reset-password", Map.of("token", token, "newPassword", NEW_PASSWORD));
    }

    private String resetTokenFor(String email) {
        assertThat(api().post("/api/v1/auth/forgot-password", Map.of("email", email)).status()).isEqualTo(202);
        return tokenMailedTo(email, "reset-password");
    }

    @Test
    void usingAResetLinkKillsTheOlderResetLinkAndTheUnusedVerificationLink() {
        String email = unique("twolinks") + "@example.test";
        assertThat(register(email, unique("twolinks")).status()).isEqualTo(201);
        String verification = tokenMailedTo(email, "verify-email");
        String older = resetTokenFor(email);
        String newer = resetTokenFor(email);
        assertThat(newer).isNotEqualTo(older);

        assertThat(reset(newer).status()).isEqualTo(204);

        Api.Response oldReset = reset(older);
        assertThat(oldReset.status()).as(oldReset.toString()).isEqualTo(400);
        assertThat(oldReset.code()).isEqualTo("invalid-token");
        Api.Response oldVerification = api().post("/api/v1/auth/verify-email", Map.of("token", verification));
        assertThat(oldVerification.status()).isEqualTo(400);
        assertThat(oldVerification.code()).isEqualTo("invalid-token");
    }

    @Test
    void changingThePasswordKillsOutstandingResetLinks() {
        Session user = signedInUser("changed");
        String outstanding = resetTokenFor(user.email());

        Api.Response changed = fromRandomAddress().as(user.accessToken()).post("/api/v1/users/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).isEqualTo(204);

        assertThat(reset(outstanding).code()).isEqualTo("invalid-token");
        assertThat(login(user.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aPasswordResetMakesEveryAccessTokenOfTheUserFailAtOnce() {
        Session user = signedInUser("resetaccess");
        Session bystander = signedInUser("bystander");
        String second = login(user.email(), PASSWORD).body().get("accessToken").asString();
        assertThat(me(user.accessToken()).status()).isEqualTo(200);
        assertThat(me(second).status()).isEqualTo(200);

        assertThat(reset(resetTokenFor(user.email())).status()).isEqualTo(204);

        assertThat(me(user.accessToken()).status()).isEqualTo(401);
        assertThat(me(second).status()).isEqualTo(401);
        assertThat(me(bystander.accessToken()).status()).isEqualTo(200);
        String fresh = login(user.email(), NEW_PASSWORD).body().get("accessToken").asString();
        assertThat(me(fresh).status()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeMakesEveryAccessTokenAndRefreshTokenOfTheUserFail() {
        Session user = signedInUser("changeaccess");
        assertThat(me(user.accessToken()).status()).isEqualTo(200);

        assertThat(fromRandomAddress().as(user.accessToken()).post("/api/v1/users/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).status()).isEqualTo(204);

        Api.Response refused = me(user.accessToken());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("authentication-required");
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken())).status()).isEqualTo(401);
        Api.Response signedIn = login(user.email(), NEW_PASSWORD);
        assertThat(me(signedIn.body().get("accessToken").asString()).status()).isEqualTo(200);
        Api.Response refreshed = api().post("/api/v1/auth/refresh",
                Map.of("refreshToken", signedIn.body().get("refreshToken").asString()));
        assertThat(me(refreshed.body().get("accessToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void theTokenEpochEndpointTellsTheCallerTheirCurrentEpoch() {
        Session user = signedInUser("epoch");
        Api.Response before = api().as(user.accessToken()).get("/api/v1/auth/token-epoch");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body().get("epoch").asLong()).isZero();
        reset(resetTokenFor(user.email()));
        String fresh = login(user.email(), NEW_PASSWORD).body().get("accessToken").asString();
        assertThat(api().as(fresh).get("/api/v1/auth/token-epoch").body().get("epoch").asLong()).isEqualTo(1);
        assertThat(api().get("/api/v1/auth/token-epoch").status()).isEqualTo(401);
    }
}
