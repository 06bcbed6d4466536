package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Profile reads are served from memory for a few seconds (ProfileCache): every change must still
 * show on the very next read, including reads made just before the change.
 */
class ProfileReadsIntegrationTests extends IdentityIntegrationTest {

    @Test
    void followingShowsInBothUsersCountsOnTheNextRead() {
        Session fan = signedInUser("fan");
        Session author = signedInUser("author");
        assertThat(api().get("/api/v1/users/" + author.id()).body().get("followers").asLong()).isZero();
        assertThat(api().as(fan.accessToken()).get("/api/v1/users/me").body().get("following").asLong()).isZero();

        assertThat(api().as(fan.accessToken()).put("/api/v1/users/" + author.id() + "/follow", null).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/users/" + author.id()).body().get("followers").asLong()).isEqualTo(1);
        assertThat(api().as(fan.accessToken()).get("/api/v1/users/me").body().get("following").asLong()).isEqualTo(1);

        assertThat(api().as(fan.accessToken()).delete("/api/v1/users/" + author.id() + "/follow").status()).isEqualTo(204);
        assertThat(api().get("/api/v1/users/" + author.id()).body().get("followers").asLong()).isZero();
        assertThat(api().get("/api/v1/users/" + fan.id()).body().get("following").asLong()).isZero();
    }

    @Test
    void aProfileChangeShowsToEveryoneOnTheNextRead() {
        Session writer = signedInUser("writer");
        assertThat(api().get("/api/v1/users/" + writer.id()).body().get("bio")).isNull();
        assertThat(api().as(writer.accessToken()).get("/api/v1/users/me").body().get("preferences").get("theme").asString())
                .isEqualTo("system");

        Api.Response patched = api().as(writer.accessToken()).patch("/api/v1/users/" + writer.id(),
                Map.of("bio", "Now with a bio.", "preferences", Map.of("theme", "dark")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        Api.Response anonymous = api().get("/api/v1/users/" + writer.id());
        assertThat(anonymous.body().get("bio").asString()).isEqualTo("Now with a bio.");
        assertThat(anonymous.body().get("email")).as("the private part stays private").isNull();
        assertThat(anonymous.body().get("preferences")).isNull();
        Api.Response me = api().as(writer.accessToken()).get("/api/v1/users/me");
        assertThat(me.body().get("bio").asString()).isEqualTo("Now with a bio.");
        assertThat(me.body().get("preferences").get("theme").asString()).isEqualTo("dark");
        assertThat(me.body().get("email").asString()).isEqualTo(writer.email());
    }

    @Test
    void aRefusedChangeLeavesTheProfileAsItWas() {
        Session writer = signedInUser("refused");
        api().as(writer.accessToken()).patch("/api/v1/users/" + writer.id(), Map.of("bio", "Kept."));

        Api.Response refused = api().as(writer.accessToken()).patch("/api/v1/users/" + writer.id(),
                Map.of("bio", "Lost?", "links", List.of("http://not-https.example")));
        assertThat(refused.status()).isEqualTo(400);

        assertThat(api().get("/api/v1/users/" + writer.id()).body().get("bio").asString()).isEqualTo("Kept.");
    }

    @Test
    void verifyingTheEmailAndChangingRolesShowOnTheNextRead() {
        Session admin = adminSession();
        String email = unique("pending") + "@example.test";
        String id = register(email, unique("pending")).body().get("id").asString();
        Api.Response before = api().as(admin.accessToken()).get("/api/v1/users/" + id);
        assertThat(before.body().get("emailVerified").asBoolean()).isFalse();

        assertThat(api().post("/api/v1/auth/verify-email", Map.of("token", tokenMailedTo(email, "verify-email"))).status())
                .isEqualTo(204);
        assertThat(api().as(admin.accessToken()).get("/api/v1/users/" + id).body().get("emailVerified").asBoolean()).isTrue();

        assertThat(api().as(admin.accessToken()).patch("/api/v1/users/" + id, Map.of("roles", List.of("READER", "INDUSTRY")))
                .status()).isEqualTo(200);
        assertThat(api().as(admin.accessToken()).get("/api/v1/users/" + id).body().get("roles").toString())
                .contains("INDUSTRY").doesNotContain("CREATOR");
    }
}
