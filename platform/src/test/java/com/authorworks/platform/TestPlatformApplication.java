package com.authorworks.platform;

import java.time.Instant;
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

import com.authorworks.platform.security.PublicEndpoints;
import com.authorworks.platform.testing.TestAccessTokens;
import com.nimbusds.jose.jwk.RSAKey;

/** The platform alone with a controller that exercises its edge, and a key that signs test tokens. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestPlatformApplication {

    static final RSAKey UNTRUSTED = TestAccessTokens.generate();

    @Bean
    TestAccessTokens accessTokenKeys() {
        return new TestAccessTokens();
    }

    @Bean
    PublicEndpoints openThings() {
        return () -> List.of(PublicEndpoints.Endpoint.any("/api/test/open/**"));
    }

    /** An RS256 access token as the identity service would issue it, or signed by a key it does not trust. */
    public static String token(UUID user, List<String> roles, Instant expires, boolean untrusted) {
        return untrusted ? TestAccessTokens.sign(UNTRUSTED, user, roles, expires) : TestAccessTokens.token(user, roles, expires);
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

        @PostMapping("/api/test/open/uploads")
        long upload(@org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file) {
            return file.getSize();
        }

        @GetMapping("/api/test/open/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/api/test/open/page")
        Page<String> page(PageRequest page) {
            return Page.of(List.of("a"), page, 1);
        }

        @GetMapping("/api/test/open/lookup")
        String lookup(@org.springframework.web.bind.annotation.RequestParam UUID id) {
            return id.toString();
        }

        @org.springframework.beans.factory.annotation.Autowired
        org.springframework.jdbc.core.simple.JdbcClient jdbc;

        /** Reads the database: its answer while PostgreSQL is away is the platform's 503. */
        @GetMapping("/api/test/open/database")
        long database() {
            return jdbc.sql("select count(*) from pg_class").query(Long.class).single();
        }

        @GetMapping("/api/test/me")
        Map<String, Object> me() {
            CurrentUser user = CurrentUser.require();
            return Map.of("id", user.id().toString(), "admin", user.isAdmin());
        }
    }
}
