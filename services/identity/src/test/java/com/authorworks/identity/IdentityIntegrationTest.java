package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One identity server on embedded PostgreSQL shared by every test class that extends this (same
 * configuration, so Spring caches one context). Each test makes its own users, so order never matters.
 */
@SpringBootTest(classes = IdentityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "authorworks.services=identity",
                "AUTHORWORKS_ADMIN_EMAIL=" + IdentityIntegrationTest.ADMIN_EMAIL,
                "AUTHORWORKS_FORWARD_AUTH=true",
                "AUTHORWORKS_FORWARD_AUTH_GROUPS=admins=ADMIN,industry=INDUSTRY",
                "AUTHORWORKS_PUBLIC_URL=https://authorworks.example"})
abstract class IdentityIntegrationTest {

    static final String ADMIN_EMAIL = "admin@example.test";
    static final Path DATA = Path.of("target", "it-data", "shared-" + UUID.randomUUID()).toAbsolutePath();
    static final String PASSWORD = "correct horse battery";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
    }

    @LocalServerPort
    int port;

    record Session(String id, String email, String username, String accessToken, String refreshToken) {
    }

    Api api() {
        return new Api(port);
    }

    /** Logins come through the trusted local proxy from varied addresses, so the per-address limit stays out of the way. */
    Api fromRandomAddress() {
        return api().withHeader("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Api.Response register(String email, String username) {
        return api().post("/api/v1/auth/register", Map.of("email", email, "username", username, "password", PASSWORD));
    }

    Api.Response login(String email, String password) {
        return fromRandomAddress().post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    /** Registers, verifies the email with the link from the mail, and signs in. */
    Session signedInUser(String prefix) {
        return signedInUser(unique(prefix) + "@example.test", unique(prefix));
    }

    Session signedInUser(String email, String username) {
        Api.Response registered = register(email, username);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Api.Response verified = api().post("/api/v1/auth/verify-email", Map.of("token", tokenMailedTo(email, "verify-email")));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
        Api.Response tokens = login(email, PASSWORD);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return new Session(registered.body().get("id").asString(), email, username,
                tokens.body().get("accessToken").asString(), tokens.body().get("refreshToken").asString());
    }

    private static Session admin;

    /**
     * The configured admin email: registered once per shared server, promoted when verified, and
     * signed in once (logins per account are rate-limited).
     */
    Session adminSession() {
        synchronized (IdentityIntegrationTest.class) {
            if (admin == null) {
                Session registered = signedInUser(ADMIN_EMAIL, unique("admin"));
                Api.Response me = api().as(registered.accessToken()).get("/api/v1/users/me");
                assertThat(me.body().get("roles").toString()).contains("ADMIN");
                admin = registered;
            }
            return admin;
        }
    }

    /** The token in the newest mail of this kind to this address, read from its .eml file like a developer would. */
    static String tokenMailedTo(String email, String kind) {
        MimeMessage mail = newestMail(email, kind).orElseThrow(() -> new AssertionError("no " + kind + " mail to " + email));
        try {
            Matcher matcher = TOKEN.matcher(mail.getContent().toString());
            assertThat(matcher.find()).as("a link with a token in the mail").isTrue();
            return matcher.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Optional<MimeMessage> newestMail(String email, String kind) {
        Path dir = DATA.resolve("mail");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains("-" + kind + "-"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .map(IdentityIntegrationTest::read)
                    .filter(m -> recipient(m).equalsIgnoreCase(email))
                    .findFirst();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long mailCount(String email) {
        Path dir = DATA.resolve("mail");
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            return files.map(IdentityIntegrationTest::read).filter(m -> recipient(m).equalsIgnoreCase(email)).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
