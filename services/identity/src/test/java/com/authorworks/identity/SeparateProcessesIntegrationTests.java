package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.security.AccessTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Identity in one server, another service without identity in a second server (as two processes
 * would be deployed): the second trusts tokens from the first through its JWKS endpoint only.
 */
class SeparateProcessesIntegrationTests {

    /** Stands for any other service: says who the platform thinks is calling. */
    @RestController
    static class WhoAmIController {
        @GetMapping("/api/test/whoami")
        Map<String, Object> whoami() {
            CurrentUser user = CurrentUser.require();
            return Map.of("id", user.id().toString(), "roles", user.roles().stream().map(Enum::name).sorted().toList());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(WhoAmIController.class)
    static class OtherService {
    }

    private static ConfigurableApplicationContext start(Class<?> application, String... properties) {
        return new SpringApplicationBuilder(application)
                .properties("server.port=0", "logging.level.root=WARN")
                .properties(properties)
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private final Path identityData = Path.of("target", "it-data", "identity-" + UUID.randomUUID()).toAbsolutePath();
    private final Path otherData = Path.of("target", "it-data", "other-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void removeData() throws Exception {
        FileSystemUtils.deleteRecursively(identityData);
        FileSystemUtils.deleteRecursively(otherData);
    }

    @Test
    void tokensFromTheIdentityProcessAreAcceptedByAnotherProcessAndForgeriesAreNot() throws Exception {
        try (var identity = start(IdentityTestApplication.class, "authorworks.services=identity",
                "authorworks.data=" + identityData)) {
            Api identityApi = new Api(port(identity));
            // No AUTHORWORKS_ADMIN_EMAIL here: the very first account becomes admin, later ones do not.
            Map<String, String> first = Map.of("email", "first@example.test", "username", "first", "password",
                    IdentityIntegrationTest.PASSWORD);
            Api.Response firstUser = identityApi.post("/api/v1/auth/register", first);
            assertThat(firstUser.body().get("roles").toString()).contains("ADMIN");
            Api.Response secondUser = identityApi.post("/api/v1/auth/register", Map.of("email", "second@example.test",
                    "username", "second", "password", IdentityIntegrationTest.PASSWORD));
            assertThat(secondUser.body().get("roles").toString()).doesNotContain("ADMIN");

            String token = identityApi.post("/api/v1/auth/login", Map.of("email", "second@example.test",
                    "password", IdentityIntegrationTest.PASSWORD)).body().get("accessToken").asString();

            String jwks = "http://localhost:" + port(identity) + "/.well-known/jwks.json";
            try (var other = start(OtherService.class, "authorworks.services=none", "authorworks.data=" + otherData,
                    "authorworks.security.jwks-uri=" + jwks, "authorworks.security.token-epoch-freshness=200ms")) {
                assertThat(other.getBean(Users.class).getClass().getName()).as("identity's contract, over HTTP")
                        .contains("Proxy");
                Api otherApi = new Api(port(other));

                Api.Response accepted = otherApi.as(token).get("/api/test/whoami");
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
                assertThat(accepted.body().get("id").asString()).isEqualTo(secondUser.body().get("id").asString());
                assertThat(accepted.body().get("roles").toString()).contains("CREATOR", "READER");

                String kid = JWKSet.parse(identityApi.get("/.well-known/jwks.json").raw()).getKeys().getFirst().getKeyID();
                Api.Response forged = otherApi.as(forgedAdminToken(kid, secondUser.body().get("id").asString()))
                        .get("/api/test/whoami");
                assertThat(forged.status()).isEqualTo(401);
                assertThat(otherApi.get("/api/test/whoami").status()).isEqualTo(401);
                // Identity's endpoints are not served here.
                assertThat(otherApi.get("/.well-known/jwks.json").status()).isEqualTo(404);

                // A password change reaches this process once its remembered epoch is older than the freshness.
                assertThat(identityApi.as(token).post("/api/v1/users/me/password", Map.of("currentPassword",
                        IdentityIntegrationTest.PASSWORD, "newPassword", "another good passphrase")).status()).isEqualTo(204);
                Thread.sleep(300);
                Api.Response stale = otherApi.as(token).get("/api/test/whoami");
                assertThat(stale.status()).as(stale.toString()).isEqualTo(401);
                String fresh = identityApi.post("/api/v1/auth/login", Map.of("email", "second@example.test",
                        "password", "another good passphrase")).body().get("accessToken").asString();
                assertThat(otherApi.as(fresh).get("/api/test/whoami").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void profilesAndForwardAuthAreAnsweredByTheIdentityProcess() throws Exception {
        String secret = "the platform's service secret, 32+ bytes";
        try (var identity = start(IdentityTestApplication.class, "authorworks.services=identity",
                "authorworks.data=" + identityData, "AUTHORWORKS_FORWARD_AUTH=true",
                "authorworks.security.service-secret=" + secret)) {
            Api identityApi = new Api(port(identity));
            String jwks = "http://localhost:" + port(identity) + "/.well-known/jwks.json";
            try (var other = start(OtherService.class, "authorworks.services=none", "authorworks.data=" + otherData,
                    "authorworks.security.jwks-uri=" + jwks, "AUTHORWORKS_FORWARD_AUTH=true",
                    "authorworks.security.service-secret=" + secret)) {
                Api otherApi = new Api(port(other));
                // Authelia's headers reach a process without identity; identity makes the account and maps the groups.
                Api.Response signedIn = proxied(otherApi, "dana", "admins").get("/api/test/whoami");
                assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
                assertThat(signedIn.body().get("roles").toString()).contains("ADMIN", "CREATOR");
                String id = signedIn.body().get("id").asString();
                assertThat(proxied(otherApi, "dana", "admins").get("/api/test/whoami").body().get("id").asString()).isEqualTo(id);
                assertThat(proxied(otherApi, "dana", "users").get("/api/test/whoami").body().get("roles").toString())
                        .as("changed groups are asked again at once").doesNotContain("ADMIN");

                // The profile of that account, asked through the Users contract with a service token.
                assertThat(other.getBean(Users.class).findProfile(com.authorworks.platform.UserId.of(id)))
                        .hasValueSatisfying(profile -> assertThat(profile.username()).isEqualTo("dana"));
                assertThat(other.getBean(Users.class).findProfile(com.authorworks.platform.UserId.random())).isEmpty();
                assertThat(other.getBean(Users.class).findProfiles(List.of(com.authorworks.platform.UserId.of(id),
                        com.authorworks.platform.UserId.random())))
                        .as("many at once, over HTTP").singleElement().satisfies(profile -> assertThat(profile.username()).isEqualTo("dana"));
                assertThat(other.getBean(Users.class).findProfilesByUsername(List.of("DANA", "nobody-at-all")))
                        .as("by username, over HTTP").singleElement().satisfies(profile -> assertThat(profile.id().value().toString()).isEqualTo(id));

                // Blocks through the UserBlocks contract: a service (no user) may ask about anyone.
                String token = registerAndLogin(identityApi);
                Api.Response blocked = identityApi.as(token).put("/api/v1/users/me/blocks/" + id, null);
                assertThat(blocked.status()).as(blocked.toString()).isEqualTo(204);
                UserBlocks blocks = other.getBean(UserBlocks.class);
                assertThat(blocks.getClass().getName()).as("identity's contract, over HTTP").contains("Proxy");
                com.authorworks.platform.UserId dana = com.authorworks.platform.UserId.of(id);
                com.authorworks.platform.UserId plain = com.authorworks.platform.UserId.of(
                        identityApi.as(token).get("/api/v1/users/me").body().get("id").asString());
                assertThat(blocks.blockedEitherWay(dana, plain)).as("either way, over HTTP").isTrue();
                assertThat(blocks.blockedEitherWay(dana, com.authorworks.platform.UserId.random())).isFalse();
                assertThat(blocks.blockedBy(plain)).containsExactly(dana);
                assertThat(blocks.blockedAmong(dana, List.of(plain, com.authorworks.platform.UserId.random()))).containsExactly(plain);
                assertThatThrownBy(() -> blocks.blockedAmong(dana, java.util.Collections.nCopies(UserBlocks.MAX_AMONG + 1, plain)))
                        .as("the callee's refusal, as the in-process bean would throw it")
                        .isInstanceOfSatisfying(com.authorworks.platform.Problem.class,
                                problem -> assertThat(problem.code()).isEqualTo("too-many-users"));

                // Whom a user follows through the UserFollows contract
                assertThat(identityApi.as(token).put("/api/v1/users/" + id + "/follow", null).status()).isEqualTo(204);
                assertThat(other.getBean(UserFollows.class).following(plain)).as("over HTTP").containsExactly(dana);
                assertThat(other.getBean(UserFollows.class).following(dana)).isEmpty();

                // Signing in through forward-auth is for services only: a user's own token may not name anyone.
                Api.Response asUser = identityApi.as(token).post("/api/v1/internal/identity/forward-auth/sign-ins",
                        Map.of("remoteUser", "mallory", "email", "mallory@homelab.test"));
                assertThat(asUser.status()).as(asUser.toString()).isEqualTo(403);
                assertThat(asUser.body().get("code").asString()).isEqualTo("service-token-required");

                identity.close();
                Api.Response down = proxied(otherApi, "erin", "users").get("/api/test/whoami");
                assertThat(down.status()).as(down.toString()).isEqualTo(503);
                assertThat(down.body().get("code").asString()).isEqualTo("identity-unavailable");
            }
        }
    }

    private static Api proxied(Api api, String remoteUser, String groups) {
        return api.withHeader("Remote-User", remoteUser).withHeader("Remote-Email", remoteUser + "@homelab.test")
                .withHeader("Remote-Name", "Remote " + remoteUser).withHeader("Remote-Groups", groups);
    }

    private static String registerAndLogin(Api identityApi) {
        identityApi.post("/api/v1/auth/register", Map.of("email", "plain@example.test", "username", "plain", "password",
                IdentityIntegrationTest.PASSWORD));
        return identityApi.post("/api/v1/auth/login", Map.of("email", "plain@example.test",
                "password", IdentityIntegrationTest.PASSWORD)).body().get("accessToken").asString();
    }

    private static String forgedAdminToken(String kid, String subject) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).subject(subject)
                        .claim(AccessTokens.ROLES_CLAIM, List.of("ADMIN"))
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }
}
