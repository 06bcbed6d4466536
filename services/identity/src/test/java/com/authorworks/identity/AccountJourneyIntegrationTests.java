package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.authorworks.platform.UserId;

class AccountJourneyIntegrationTests extends IdentityIntegrationTest {

    @Autowired
    Users users;

    @Test
    void registerVerifySignInEditProfileFollowRefreshAndSignOut() throws Exception {
        String email = unique("journey") + "@example.test";
        String username = unique("journey");
        Api.Response registered = register(email, username);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Location")).hasValue("/api/v1/users/" + registered.body().get("id").asString());
        assertThat(registered.body().get("emailVerified").asBoolean()).isFalse();
        assertThat(registered.raw()).doesNotContain(PASSWORD).doesNotContain("password");

        var mail = newestMail(email, "verify-email").orElseThrow();
        assertThat(mail.getSubject()).contains("Confirm your email");
        assertThat(mail.getContent().toString()).contains("https://authorworks.example/verify-email?token=");
        Api.Response verified = api().post("/api/v1/auth/verify-email", Map.of("token", tokenMailedTo(email, "verify-email")));
        assertThat(verified.status()).isEqualTo(204);

        Api.Response tokens = login(email, PASSWORD);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.body().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.body().get("expiresIn").asLong()).isEqualTo(900);
        String access = tokens.body().get("accessToken").asString();
        String refresh = tokens.body().get("refreshToken").asString();

        Api.Response me = api().as(access).get("/api/v1/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("email").asString()).isEqualTo(email);
        assertThat(me.body().get("emailVerified").asBoolean()).isTrue();
        assertThat(me.body().get("roles").toString()).contains("CREATOR", "READER").doesNotContain("ADMIN");
        assertThat(me.body().get("preferences").get("theme").asString()).isEqualTo("system");
        String id = me.body().get("id").asString();

        Api.Response patched = api().as(access).patch("/api/v1/users/" + id, Map.of(
                "displayName", "Ada Writer",
                "bio", "Writes long novels.",
                "avatarUrl", "https://images.example/ada.png",
                "links", List.of("https://ada.example"),
                "preferences", Map.of("theme", "dark", "emailNotifications", false)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.body().get("displayName").asString()).isEqualTo("Ada Writer");
        assertThat(patched.body().get("preferences").get("theme").asString()).isEqualTo("dark");
        assertThat(patched.body().get("preferences").get("defaultFormat").asString()).isEqualTo("novel");
        assertThat(patched.body().get("preferences").get("emailNotifications").asBoolean()).isFalse();

        Api.Response read = api().get("/api/v1/users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("bio").asString()).isEqualTo("Writes long novels.");
        assertThat(read.body().get("avatarUrl").asString()).isEqualTo("https://images.example/ada.png");

        Session other = signedInUser("followed");
        assertThat(api().as(access).put("/api/v1/users/" + other.id() + "/follow", null).status()).isEqualTo(204);
        assertThat(api().as(access).put("/api/v1/users/" + other.id() + "/follow", null).status()).isEqualTo(204);
        Api.Response followers = api().get("/api/v1/users/" + other.id() + "/followers");
        assertThat(followers.body().get("total").asLong()).isEqualTo(1);
        assertThat(followers.body().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(followers.body().get("items").get(0).get("email")).isNull();
        Api.Response following = api().get("/api/v1/users/" + id + "/following");
        assertThat(following.body().get("items").get(0).get("id").asString()).isEqualTo(other.id());
        assertThat(api().get("/api/v1/users/" + other.id()).body().get("followers").asLong()).isEqualTo(1);
        assertThat(api().get("/api/v1/users/" + id).body().get("following").asLong()).isEqualTo(1);

        Api.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", refresh));
        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = refreshed.body().get("refreshToken").asString();
        assertThat(newRefresh).isNotEqualTo(refresh);
        assertThat(api().as(refreshed.body().get("accessToken").asString()).get("/api/v1/users/me").status()).isEqualTo(200);

        assertThat(api().post("/api/v1/auth/logout", Map.of("refreshToken", newRefresh)).status()).isEqualTo(204);
        Api.Response afterLogout = api().post("/api/v1/auth/refresh", Map.of("refreshToken", newRefresh));
        assertThat(afterLogout.status()).isEqualTo(401);

        assertThat(api().as(access).delete("/api/v1/users/" + other.id() + "/follow").status()).isEqualTo(204);
        assertThat(api().as(access).delete("/api/v1/users/" + other.id() + "/follow").status()).isEqualTo(204);
        assertThat(api().get("/api/v1/users/" + other.id()).body().get("followers").asLong()).isZero();
    }

    @Test
    void verificationLinkWorksOnlyOnce() {
        String email = unique("once") + "@example.test";
        register(email, unique("once"));
        String token = tokenMailedTo(email, "verify-email");
        assertThat(api().post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        Api.Response again = api().post("/api/v1/auth/verify-email", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("invalid-token");
    }

    @Test
    void resendVerificationAnswersTheSameForUnknownEmailsAndMailsOnlyRealOnes() {
        String email = unique("resend") + "@example.test";
        register(email, unique("resend"));
        String unknown = unique("nobody") + "@example.test";
        Api.Response known = api().post("/api/v1/auth/resend-verification", Map.of("email", email));
        Api.Response missing = api().post("/api/v1/auth/resend-verification", Map.of("email", unknown));
        assertThat(known.status()).isEqualTo(202);
        assertThat(missing.status()).isEqualTo(202);
        assertThat(known.raw()).isEqualTo(missing.raw());
        assertThat(mailCount(email)).isEqualTo(2);
        assertThat(mailCount(unknown)).isZero();
    }

    @Test
    void passwordResetByMailReplacesThePasswordAndSignsOutEverySession() {
        Session user = signedInUser("reset");
        Api.Response known = api().post("/api/v1/auth/forgot-password", Map.of("email", user.email()));
        Api.Response unknown = api().post("/api/v1/auth/forgot-password", Map.of("email", unique("ghost") + "@example.test"));
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.raw()).isEqualTo(unknown.raw());

        String token = tokenMailedTo(user.email(), "reset-password");
        String newPassword = "a brand new passphrase";
        assertThat(api().post("/api/v1/auth/reset-password", Map.of("token", token, "newPassword", newPassword)).status())
                .isEqualTo(204);
        assertThat(api().post("/api/v1/auth/reset-password", Map.of("token", token, "newPassword", newPassword)).code())
                .isEqualTo("invalid-token");
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken())).status()).isEqualTo(401);
        assertThat(login(user.email(), PASSWORD).status()).isEqualTo(401);
        assertThat(login(user.email(), newPassword).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        Session user = signedInUser("change");
        Api.Response wrong = fromRandomAddress().as(user.accessToken()).post("/api/v1/users/me/password",
                Map.of("currentPassword", "not the password", "newPassword", "another good passphrase"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("wrong-password");
        Api.Response changed = fromRandomAddress().as(user.accessToken()).post("/api/v1/users/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "another good passphrase"));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(login(user.email(), "another good passphrase").status()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken())).status()).isEqualTo(401);
    }

    @Test
    void unknownEmailAndWrongPasswordFailAlike() {
        Session user = signedInUser("alike");
        Api.Response wrongPassword = login(user.email(), "not the password at all");
        Api.Response unknownEmail = login(unique("nobody") + "@example.test", "not the password at all");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("invalid-credentials");
        assertThat(wrongPassword.body().get("detail")).isEqualTo(unknownEmail.body().get("detail"));
    }

    @Test
    void emailIsShownOnlyToTheUserAndAdmins() {
        Session owner = signedInUser("private");
        Session stranger = signedInUser("stranger");
        Session admin = adminSession();
        String path = "/api/v1/users/" + owner.id();
        assertThat(api().get(path).body().get("email")).isNull();
        assertThat(api().get(path).body().get("username").asString()).isEqualTo(owner.username());
        assertThat(api().as(stranger.accessToken()).get(path).body().get("email")).isNull();
        assertThat(api().as(owner.accessToken()).get(path).body().get("email").asString()).isEqualTo(owner.email());
        assertThat(api().as(admin.accessToken()).get(path).body().get("email").asString()).isEqualTo(owner.email());
    }

    @Test
    void theConfiguredAdminListsUsersAndChangesRolesWhileOthersCannot() {
        Session admin = adminSession();
        Session user = signedInUser("promoted");
        assertThat(api().as(user.accessToken()).get("/api/v1/users").status()).isEqualTo(403);
        assertThat(api().get("/api/v1/users").status()).isEqualTo(401);

        Api.Response page = api().as(admin.accessToken()).get("/api/v1/users?page=0&size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items").size()).isLessThanOrEqualTo(2);
        assertThat(page.body().get("total").asLong()).isGreaterThanOrEqualTo(2);

        Api.Response selfPromotion = api().as(user.accessToken()).patch("/api/v1/users/" + user.id(),
                Map.of("roles", List.of("ADMIN")));
        assertThat(selfPromotion.status()).isEqualTo(403);
        assertThat(selfPromotion.code()).isEqualTo("admin-only");

        Api.Response promoted = api().as(admin.accessToken()).patch("/api/v1/users/" + user.id(),
                Map.of("roles", List.of("READER", "INDUSTRY")));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.body().get("roles").toString()).contains("INDUSTRY").doesNotContain("CREATOR");
        // The next access token carries the new roles.
        Api.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()));
        Api.Response me = api().as(refreshed.body().get("accessToken").asString()).get("/api/v1/users/me");
        assertThat(me.body().get("roles").toString()).contains("INDUSTRY");
    }

    @Test
    void otherServicesFindPublicProfilesThroughTheUsersApi() {
        Session user = signedInUser("published");
        var profile = users.findProfile(UserId.of(user.id())).orElseThrow();
        assertThat(profile.username()).isEqualTo(user.username());
        assertThat(users.findProfile(UserId.random())).isEmpty();

        Session other = signedInUser("published");
        assertThat(users.findProfiles(java.util.List.of(UserId.of(user.id()), UserId.random(), UserId.of(other.id()), UserId.of(user.id())))
                .stream().map(PublicProfile::username)).as("those that exist, once each")
                .containsExactlyInAnyOrder(user.username(), other.username());
        assertThat(users.findProfiles(java.util.List.of())).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.authorworks.platform.Problem.class,
                () -> users.findProfiles(java.util.stream.Stream.generate(UserId::random).limit(Users.MAX_PROFILES + 1).toList())).code())
                .isEqualTo("too-many-users");
    }

    @Test
    void mentionsFindTheirUsersByUsernameWhateverTheCase() {
        Session user = signedInUser("mentioned");
        Session other = signedInUser("mentioned");
        assertThat(users.findProfilesByUsername(java.util.List.of(user.username().toUpperCase(java.util.Locale.ROOT), "nobody-" + java.util.UUID.randomUUID(),
                " " + other.username() + " ", user.username())).stream().map(PublicProfile::id))
                .as("those that exist, once each").containsExactlyInAnyOrder(UserId.of(user.id()), UserId.of(other.id()));
        assertThat(users.findProfilesByUsername(java.util.List.of())).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.authorworks.platform.Problem.class,
                () -> users.findProfilesByUsername(java.util.stream.Stream.generate(() -> "someone").limit(Users.MAX_PROFILES + 1).toList())).code())
                .isEqualTo("too-many-users");
    }

}
