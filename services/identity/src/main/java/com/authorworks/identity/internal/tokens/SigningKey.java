package com.authorworks.identity.internal.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.platform.PrivateFiles;
import com.authorworks.platform.security.AccessTokenKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key access tokens are signed with: from {@code JWT_PRIVATE_KEY_FILE} (PKCS#8 PEM) when
 * set, else generated once and kept in {@code <data>/keys/} (owner-only) so tokens outlive restarts.
 * Its key id is the RFC 7638 thumbprint, so the same key always has the same {@code kid}.
 */
@Component
public class SigningKey implements AccessTokenKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    static final String GENERATED_FILE = "access-token-signing-key.pem";

    private final RSAKey key;
    private final JWKSet publicKeys;

    public SigningKey(IdentitySettings settings) {
        Path file = settings.privateKeyFile().orElseGet(() -> settings.dataDirectory().resolve("keys").resolve(GENERATED_FILE));
        try {
            if (settings.privateKeyFile().isEmpty() && !Files.exists(file)) {
                generate(file);
                log.info("Generated a new access-token signing key in {}", file);
            }
            this.key = load(file);
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Could not load the access-token signing key from " + file + ": "
                    + e.getMessage() + " (JWT_PRIVATE_KEY_FILE must be an RSA private key in PKCS#8 PEM)", e);
        }
        this.publicKeys = new JWKSet(key.toPublicJWK());
    }

    RSAKey key() {
        return key;
    }

    @Override
    public JWKSet publicKeys() {
        return publicKeys;
    }

    private static RSAKey load(Path file) throws IOException, GeneralSecurityException, JOSEException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        var publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint()
                .build();
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        PrivateFiles.folder(file.getParent());
        // Written owner-only from the start, then moved into place, so the key is never readable by others.
        Path temp = Files.createTempFile(file.getParent(), "key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, pem, StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
