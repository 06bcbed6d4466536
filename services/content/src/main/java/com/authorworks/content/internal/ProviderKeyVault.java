package com.authorworks.content.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.platform.Problem;
import com.authorworks.platform.PrivateFiles;
import com.authorworks.platform.UserId;

/**
 * Users' own provider keys (BYOK), AES-256-GCM encrypted at rest with the platform master key
 * ({@code AUTHORWORKS_MASTER_KEY}, base64 of 32 bytes; else one generated once and kept in
 * {@code ${authorworks.data}/keys/master.key}, readable by the owner only). The user and provider
 * are bound into each ciphertext as associated data, so a ciphertext copied to another row fails
 * to decrypt. Keys leave this class only as {@link ApiKey}, whose text is never printed.
 */
@Component
public class ProviderKeyVault {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final Environment environment;
    private final SecretKey master;

    ProviderKeyVault(JdbcClient db, Environment environment) {
        this.db = db;
        this.environment = environment;
        this.master = new SecretKeySpec(masterKey(environment), "AES");
    }

    /** What may be shown about a stored key. */
    public record StoredKey(String provider, String lastFour, java.time.Instant createdAt) {
    }

    /** Whether calls to this provider need a key, so that a user may store one for it. */
    public static boolean needsKey(String provider) {
        return ProviderCatalogue.find(provider).filter(ProviderCatalogue.Provider::needsKey).isPresent();
    }

    /** The name of a provider (of text or of speech, needing or taking a key) a user may store a key for; else a 404 naming those. */
    public static String provider(String name) {
        String provider = name.strip().toLowerCase(Locale.ROOT);
        if (!ProviderCatalogue.keyedProviders().contains(provider)) {
            throw Problem.notFound("provider-not-found", "Keys can be stored for " + String.join(", ", ProviderCatalogue.keyedProviders()) + ".");
        }
        return provider;
    }

    public StoredKey store(UserId user, String provider, ApiKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, nonce, user, provider, key.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String lastFour = key.secret().length() <= 4 ? "" : key.secret().substring(key.secret().length() - 4);
        db.sql("""
                INSERT INTO content.provider_keys (user_id, provider, nonce, ciphertext, last_four) VALUES (:user, :provider, :nonce, :ciphertext, :lastFour)
                ON CONFLICT (user_id, provider) DO UPDATE SET nonce = excluded.nonce, ciphertext = excluded.ciphertext,
                  last_four = excluded.last_four, created_at = now()""")
                .param("user", user.value()).param("provider", provider).param("nonce", nonce).param("ciphertext", ciphertext)
                .param("lastFour", lastFour).update();
        return find(user, provider).orElseThrow();
    }

    public Optional<StoredKey> find(UserId user, String provider) {
        return db.sql("SELECT provider, last_four, created_at FROM content.provider_keys WHERE user_id = :user AND provider = :provider")
                .param("user", user.value()).param("provider", provider)
                .query((rs, row) -> new StoredKey(rs.getString("provider"), rs.getString("last_four"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant())).optional();
    }

    public List<StoredKey> list(UserId user) {
        return db.sql("SELECT provider, last_four, created_at FROM content.provider_keys WHERE user_id = :user ORDER BY provider")
                .param("user", user.value())
                .query((rs, row) -> new StoredKey(rs.getString("provider"), rs.getString("last_four"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant())).list();
    }

    public boolean delete(UserId user, String provider) {
        return db.sql("DELETE FROM content.provider_keys WHERE user_id = :user AND provider = :provider")
                .param("user", user.value()).param("provider", provider).update() == 1;
    }

    /** The user's own key for the provider, else the platform's default key, else none. */
    public Optional<ApiKey> keyFor(UserId user, String provider) {
        Optional<ApiKey> own = db.sql("SELECT nonce, ciphertext FROM content.provider_keys WHERE user_id = :user AND provider = :provider")
                .param("user", user.value()).param("provider", provider)
                .query((rs, row) -> new ApiKey(new String(crypt(Cipher.DECRYPT_MODE, rs.getBytes("nonce"), user, provider,
                        rs.getBytes("ciphertext")), java.nio.charset.StandardCharsets.UTF_8))).optional();
        if (own.isPresent()) {
            return own;
        }
        return platformKey(provider);
    }

    /** The platform's default key for the provider, from the provider's environment variable. */
    public Optional<ApiKey> platformKey(String provider) {
        return ProviderCatalogue.platformKey(provider, environment::getProperty);
    }

    private byte[] crypt(int mode, byte[] nonce, UserId user, String provider, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, master, new GCMParameterSpec(128, nonce));
            cipher.updateAAD((user.value() + "/" + provider).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored provider key could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted")
                    + ": was AUTHORWORKS_MASTER_KEY changed?", e);
        }
    }

    private static byte[] masterKey(Environment environment) {
        String configured = environment.getProperty("authorworks.master-key");
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length != 32) {
                throw new IllegalStateException("AUTHORWORKS_MASTER_KEY must be 32 bytes in base64, e.g. `openssl rand -base64 32`");
            }
            return key;
        }
        Path file = Path.of(environment.getProperty("authorworks.data", "data"), "keys", "master.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            PrivateFiles.folder(file.getParent());
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Path temp = file.resolveSibling("master.key." + UUID.randomUUID());
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
            Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the master key in " + file + ": " + e.getMessage(), e);
        }
    }
}
