package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.authorworks.platform.security.AccessTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Forged and stale access tokens are refused by a real endpoint; the real one is accepted. */
class AccessTokenAttackIntegrationTests extends IdentityIntegrationTest {

    private static final Path KEY_FILE = DATA.resolve("keys").resolve("access-token-signing-key.pem");

    private Api.Response me(String token) {
        return api().as(token).get("/api/v1/users/me");
    }

    private static void refused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("authentication-required");
    }

    @Test
    void issuedTokenIsRs256WithKidIssuerSubjectAndRoles() throws Exception {
        Session user = signedInUser("claims");
        SignedJWT jwt = SignedJWT.parse(user.accessToken());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet published = JWKSet.parse(api().get("/.well-known/jwks.json").raw());
        assertThat(published.getKeys()).hasSize(1);
        assertThat(published.getKeys().getFirst().isPrivate()).isFalse();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeys().getFirst().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(AccessTokens.ISSUER);
        assertThat(claims.getSubject()).isEqualTo(user.id());
        assertThat(claims.getStringListClaim(AccessTokens.ROLES_CLAIM)).containsExactly("CREATOR", "READER");
        assertThat(claims.getLongClaim(AccessTokens.EPOCH_CLAIM)).isZero();
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plusSeconds(900));
        assertThat(me(user.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void signingKeyIsKeptInTheDataDirectoryForTheOwnerOnly() throws Exception {
        signedInUser("keyfile");
        assertThat(Files.getPosixFilePermissions(KEY_FILE)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Session user = signedInUser("expired");
        Instant past = Instant.now().minusSeconds(3600);
        refused(me(sign(realKey(), claims(user.id()).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(900))).build())));
    }

    @Test
    void tamperedTokenIsRefused() {
        Session user = signedInUser("tampered");
        String[] parts = user.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"READER\"", "\"ADMIN\"");
        refused(me(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefusedEvenWithTheRightKid() throws Exception {
        Session user = signedInUser("forged");
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(me(sign(generator.generateKeyPair().getPrivate(), claims(user.id()).build())));
    }

    @Test
    void unsignedTokenIsRefused() {
        Session user = signedInUser("none");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"authorworks\",\"sub\":\""
                + user.id() + "\",\"roles\":[\"ADMIN\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes());
        refused(me(header + "." + payload + "."));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        Session user = signedInUser("issuer");
        refused(me(sign(realKey(), claims(user.id()).issuer("someone-else").build())));
    }

    @Test
    void genuineTokenWithoutExpiryIsRefused() throws Exception {
        Session user = signedInUser("noexp");
        refused(me(sign(realKey(), claims(user.id()).expirationTime(null).build())));
    }

    @Test
    void genuineTokenWithoutIssueTimeIsRefused() throws Exception {
        Session user = signedInUser("noiat");
        refused(me(sign(realKey(), claims(user.id()).issueTime(null).build())));
    }

    @Test
    void genuineTokenWithoutSubjectIsRefused() throws Exception {
        signedInUser("nosub");
        refused(me(sign(realKey(), claims(null).build())));
    }

    @Test
    void genuineTokenWithAnEpochBelowTheUsersIsRefused() throws Exception {
        Session user = signedInUser("oldepoch");
        api().post("/api/v1/auth/forgot-password", java.util.Map.of("email", user.email()));
        api().post("/api/v1/auth/reset-password", java.util.Map.of("token", tokenMailedTo(user.email(), "reset-password"),
                "newPassword", "a brand new passphrase"));
        refused(me(sign(realKey(), claims(user.id()).claim(AccessTokens.EPOCH_CLAIM, 0).build())));
        refused(me(sign(realKey(), claims(user.id()).claim(AccessTokens.EPOCH_CLAIM, "1").build())));
        assertThat(me(sign(realKey(), claims(user.id()).claim(AccessTokens.EPOCH_CLAIM, 1).build())).status())
                .isEqualTo(200);
    }

    private JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).subject(subject)
                .claim(AccessTokens.ROLES_CLAIM, List.of("READER"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    private String sign(PrivateKey key, JWTClaimsSet claims) throws Exception {
        String kid = JWKSet.parse(api().get("/.well-known/jwks.json").raw()).getKeys().getFirst().getKeyID();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The server's own key, read from its data directory: only to mint a token that is genuine but stale. */
    private static PrivateKey realKey() throws Exception {
        String base64 = Files.readString(KEY_FILE).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
