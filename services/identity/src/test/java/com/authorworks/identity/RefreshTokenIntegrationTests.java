package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RefreshTokenIntegrationTests extends IdentityIntegrationTest {

    private Api.Response refresh(String token) {
        return api().post("/api/v1/auth/refresh", Map.of("refreshToken", token));
    }

    @Test
    void refreshTokenCanBeUsedOnlyOnce() {
        Session user = signedInUser("once");
        Api.Response first = refresh(user.refreshToken());
        assertThat(first.status()).isEqualTo(200);
        Api.Response second = refresh(user.refreshToken());
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.code()).isEqualTo("refresh-token-reused");
    }

    @Test
    void reusingARefreshTokenRevokesItsWholeFamily() {
        Session user = signedInUser("family");
        String successor = refresh(user.refreshToken()).body().get("refreshToken").asString();
        // An attacker replays the stolen original: the legitimate successor dies with it.
        assertThat(refresh(user.refreshToken()).code()).isEqualTo("refresh-token-reused");
        Api.Response legitimate = refresh(successor);
        assertThat(legitimate.status()).isEqualTo(401);
        assertThat(legitimate.code()).isEqualTo("refresh-token-reused");
    }

    @Test
    void reuseInOneSessionLeavesOtherSessionsSignedIn() {
        Session user = signedInUser("devices");
        String otherDevice = login(user.email(), PASSWORD).body().get("refreshToken").asString();
        refresh(user.refreshToken());
        refresh(user.refreshToken());
        assertThat(refresh(otherDevice).status()).isEqualTo(200);
    }

    @Test
    void signingOutRevokesTheRefreshToken() {
        Session user = signedInUser("logout");
        String successor = refresh(user.refreshToken()).body().get("refreshToken").asString();
        assertThat(api().post("/api/v1/auth/logout", Map.of("refreshToken", successor)).status()).isEqualTo(204);
        Api.Response after = refresh(successor);
        assertThat(after.status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/logout", Map.of("refreshToken", successor)).status()).isEqualTo(204);
    }
}
