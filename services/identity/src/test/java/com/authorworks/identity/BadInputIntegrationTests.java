package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Every kind of bad request gets a 4xx problem with a stable code, never a 500. */
class BadInputIntegrationTests extends IdentityIntegrationTest {

    private static void problem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }

    @Test
    void malformedJsonIsRefused() {
        problem(api().post("/api/v1/auth/register", "{\"email\": "), 400, "malformed-body");
        problem(api().post("/api/v1/auth/login", "not json at all"), 400, "malformed-body");
    }

    @Test
    void missingFieldsAreNamed() {
        Api.Response response = api().post("/api/v1/auth/register", Map.of("email", "x@example.test"));
        problem(response, 400, "validation-failed");
        assertThat(response.raw()).contains("username").contains("password");
        problem(api().post("/api/v1/auth/refresh", "{}"), 400, "validation-failed");
        problem(api().post("/api/v1/auth/login", ""), 400, "malformed-body");
    }

    @Test
    void wrongTypesAreRefused() {
        problem(api().post("/api/v1/auth/register", "{\"email\": [1], \"username\": \"abc\", \"password\": \"x\"}"),
                400, "malformed-body");
        Session user = signedInUser("types");
        problem(api().as(user.accessToken()).patch("/api/v1/users/" + user.id(), "{\"links\": \"https://one.example\"}"),
                400, "malformed-body");
        problem(api().as(user.accessToken()).patch("/api/v1/users/" + user.id(), "{\"preferences\": [\"dark\"]}"),
                400, "malformed-body");
        problem(api().as(user.accessToken()).patch("/api/v1/users/" + user.id(), "{\"roles\": [\"EMPEROR\"]}"),
                400, "malformed-body");
    }

    @Test
    void passwordsOutsideTheRulesAreRefused() {
        problem(api().post("/api/v1/auth/register", Map.of("email", unique("short") + "@example.test",
                "username", unique("short"), "password", "too-short")), 400, "validation-failed");
        problem(api().post("/api/v1/auth/register", Map.of("email", unique("long") + "@example.test",
                "username", unique("long"), "password", "x".repeat(129))), 400, "validation-failed");
        problem(api().post("/api/v1/auth/register", Map.of("email", "not-an-email",
                "username", unique("mail"), "password", PASSWORD)), 400, "validation-failed");
        problem(api().post("/api/v1/auth/register", Map.of("email", unique("name") + "@example.test",
                "username", "has spaces", "password", PASSWORD)), 400, "validation-failed");
    }

    @Test
    void takenEmailOrUsernameConflicts() {
        Session user = signedInUser("taken");
        problem(register(user.email().toUpperCase(), unique("other")), 409, "email-taken");
        problem(register(unique("other") + "@example.test", user.username().toUpperCase()), 409, "username-taken");
    }

    @Test
    void oversizeBodyIsRefused() {
        problem(api().post("/api/v1/auth/register", "{\"email\": \"" + "a".repeat(1_100_000) + "\"}"), 413, "body-too-large");
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        problem(api().get("/api/v1/users/" + UUID.randomUUID()), 404, "user-not-found");
        problem(api().get("/api/v1/users/not-a-uuid"), 404, "user-not-found");
        problem(api().get("/api/v1/users/" + UUID.randomUUID() + "/followers"), 404, "user-not-found");
        Session user = signedInUser("unknown");
        problem(api().as(user.accessToken()).patch("/api/v1/users/" + UUID.randomUUID(), Map.of("bio", "x")), 404,
                "user-not-found");
        problem(api().as(user.accessToken()).put("/api/v1/users/" + UUID.randomUUID() + "/follow", null), 404,
                "user-not-found");
    }

    @Test
    void anotherUsersProfileCannotBeChanged() {
        Session owner = signedInUser("owner");
        Session intruder = signedInUser("intruder");
        problem(api().as(intruder.accessToken()).patch("/api/v1/users/" + owner.id(), Map.of("bio", "hacked")), 403,
                "not-your-profile");
        problem(api().patch("/api/v1/users/" + owner.id(), Map.of("bio", "hacked")), 401, "authentication-required");
        assertThat(api().get("/api/v1/users/" + owner.id()).body().get("bio")).isNull();
    }

    @Test
    void profileFieldsAreChecked() {
        Session user = signedInUser("fields");
        Api me = api().as(user.accessToken());
        String path = "/api/v1/users/" + user.id();
        problem(me.patch(path, Map.of("avatarUrl", "http://insecure.example/a.png")), 400, "invalid-avatar-url");
        problem(me.patch(path, Map.of("avatarUrl", "javascript:alert(1)")), 400, "invalid-avatar-url");
        problem(me.patch(path, Map.of("links", List.of("ftp://old.example"))), 400, "invalid-link");
        problem(me.patch(path, Map.of("links", List.of("https://1.example", "https://2.example", "https://3.example",
                "https://4.example", "https://5.example", "https://6.example"))), 400, "validation-failed");
        problem(me.patch(path, Map.of("bio", "b".repeat(2001))), 400, "validation-failed");
        problem(me.patch(path, Map.of("preferences", Map.of("colour", "red"))), 400, "unknown-preference");
        problem(me.patch(path, Map.of("preferences", Map.of("theme", "neon"))), 400, "invalid-preference");
        problem(me.patch(path, Map.of("preferences", Map.of("emailNotifications", "yes"))), 400, "invalid-preference");
        // Nothing of the refused changes was kept.
        Api.Response profile = me.get("/api/v1/users/me");
        assertThat(profile.body().get("avatarUrl")).isNull();
        assertThat(profile.body().get("preferences").get("theme").asString()).isEqualTo("system");
    }

    @Test
    void followingYourselfIsRefused() {
        Session user = signedInUser("narcissus");
        problem(api().as(user.accessToken()).put("/api/v1/users/" + user.id() + "/follow", null), 400, "cannot-follow-yourself");
        problem(api().put("/api/v1/users/" + user.id() + "/follow", null), 401, "authentication-required");
    }

    @Test
    void outOfRangePagesAreRefused() {
        Session user = signedInUser("pages");
        problem(api().get("/api/v1/users/" + user.id() + "/followers?size=1000"), 400, "invalid-page-size");
        problem(api().get("/api/v1/users/" + user.id() + "/followers?page=-1"), 400, "invalid-page");
        problem(api().get("/api/v1/users/" + user.id() + "/followers?page=abc"), 400, "invalid-parameter");
    }

    @Test
    void unknownTokensAreRefused() {
        problem(api().post("/api/v1/auth/verify-email", Map.of("token", "made-up")), 400, "invalid-token");
        problem(api().post("/api/v1/auth/reset-password", Map.of("token", "made-up", "newPassword", PASSWORD)), 400,
                "invalid-token");
        problem(api().post("/api/v1/auth/refresh", Map.of("refreshToken", "made-up")), 401, "invalid-refresh-token");
        // Signing out with an unknown token changes nothing and is not an error.
        assertThat(api().post("/api/v1/auth/logout", Map.of("refreshToken", "made-up")).status()).isEqualTo(204);
    }

    @Test
    void meNeedsAToken() {
        problem(api().get("/api/v1/users/me"), 401, "authentication-required");
        problem(api().post("/api/v1/users/me/password", Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD)),
                401, "authentication-required");
    }
}
