package com.authorworks.platform;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.security.AccessTokenKeys;
import com.authorworks.platform.security.AccessTokens;
import com.authorworks.platform.security.PublicEndpoints;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The platform alone with a controller that exercises its edge, and a key that signs test tokens. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestPlatformApplication {

    static final KeyPair KEYS = generate();
    static final KeyPair OTHER_KEYS = generate();

    @Bean
    AccessTokenKeys accessTokenKeys() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("test").build();
        return () -> new JWKSet(key);
    }

    @Bean
    PublicEndpoints openThings() {
        return () -> List.of(PublicEndpoints.Endpoint.any("/api/test/open/**"));
    }

    /** An RS256 access token as the identity service would issue it. */
    public static String token(UUID user, List<String> roles, Instant expires, boolean otherKey) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(AccessTokens.ISSUER).subject(user.toString())
                    .claim(AccessTokens.ROLES_CLAIM, roles)
                    .issueTime(new Date()).expirationTime(Date.from(expires)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test")
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) (otherKey ? OTHER_KEYS : KEYS).getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Chapter(@NotBlank String title, @Positive int words) {
    }

    @RestController
    static class EdgeController {

        @PostMapping("/api/test/open/chapters")
        Chapter create(@Valid @RequestBody Chapter chapter) {
            return chapter;
        }

        @GetMapping("/api/test/open/books/{id}")
        Map<String, String> book(@PathVariable UUID id) {
            throw Problem.notFound("book-not-found", "No book " + id + ".");
        }

        @GetMapping("/api/test/open/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/api/test/open/page")
        Page<String> page(PageRequest page) {
            return Page.of(List.of("a"), page, 1);
        }

        @GetMapping("/api/test/me")
        Map<String, Object> me() {
            CurrentUser user = CurrentUser.require();
            return Map.of("id", user.id().toString(), "admin", user.isAdmin());
        }
    }
}
