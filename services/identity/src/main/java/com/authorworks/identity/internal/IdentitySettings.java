package com.authorworks.identity.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;

import com.authorworks.platform.Role;

/**
 * Every setting of the identity service, with its default, read in one place. The seed's
 * environment variables (SMTP_*, JWT_PRIVATE_KEY_FILE, AUTHORWORKS_*) are read under their own
 * names; finer tuning lives under {@code authorworks.identity.*}.
 */
public record IdentitySettings(
        Path dataDirectory,
        Optional<String> adminEmail,
        Optional<Path> privateKeyFile,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        int loginAttemptsPerAccountPerMinute,
        int loginAttemptsPerAddressPerMinute,
        int loginAttemptsPerAccountFromNewAddresses,
        boolean forwardAuth,
        Map<String, Role> groupRoles,
        Smtp smtp) {

    /** SMTP is used when a host is configured; otherwise mail goes to files. */
    public record Smtp(Optional<String> host, int port, String username, String password, String from) {

        @Override
        public String toString() {
            return "Smtp[" + host.orElse("none") + ":" + port + ", user=" + username + ", from=" + from + "]";
        }
    }

    public static IdentitySettings from(Environment env) {
        return new IdentitySettings(
                Path.of(env.getProperty("authorworks.data", "data")),
                nonBlank(env.getProperty("AUTHORWORKS_ADMIN_EMAIL")).map(e -> e.toLowerCase(Locale.ROOT)),
                nonBlank(env.getProperty("JWT_PRIVATE_KEY_FILE")).map(Path::of),
                env.getProperty("authorworks.identity.access-token-lifetime", Duration.class, Duration.ofMinutes(15)),
                env.getProperty("authorworks.identity.refresh-token-lifetime", Duration.class, Duration.ofDays(30)),
                env.getProperty("authorworks.identity.login-attempts-per-account", Integer.class, 5),
                env.getProperty("authorworks.identity.login-attempts-per-address", Integer.class, 30),
                env.getProperty("authorworks.identity.login-attempts-per-account-from-new-addresses", Integer.class, 20),
                env.getProperty("AUTHORWORKS_FORWARD_AUTH", Boolean.class, false),
                groupRoles(env.getProperty("AUTHORWORKS_FORWARD_AUTH_GROUPS", "admins=ADMIN")),
                new Smtp(nonBlank(env.getProperty("SMTP_HOST")),
                        env.getProperty("SMTP_PORT", Integer.class, 587),
                        env.getProperty("SMTP_USERNAME", ""),
                        env.getProperty("SMTP_PASSWORD", ""),
                        env.getProperty("SMTP_FROM", "AuthorWorks <no-reply@authorworks.local>")));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code admins=ADMIN,industry=INDUSTRY}: a proxy group name to the role it grants. */
    private static Map<String, Role> groupRoles(String value) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String pair : list(value)) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("AUTHORWORKS_FORWARD_AUTH_GROUPS entries look like group=ROLE, not " + pair);
            }
            try {
                roles.put(parts[0].trim(), Role.valueOf(parts[1].trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Unknown role in AUTHORWORKS_FORWARD_AUTH_GROUPS: " + parts[1], e);
            }
        }
        return Map.copyOf(roles);
    }
}
