package com.authorworks.storage.internal.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import com.authorworks.platform.PrivateFiles;

/**
 * The secret behind download links: {@code AUTHORWORKS_SIGNING_KEY} when given (every instance
 * of a deployment must share it), else 32 random bytes generated once and kept in
 * {@code AUTHORWORKS_DATA/keys/storage-signing.key} so links survive restarts.
 */
final class SigningKey {

    private SigningKey() {
    }

    static byte[] load(String configured, Path dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("AUTHORWORKS_SIGNING_KEY must be at least 32 characters long");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDirectory.resolve("keys").resolve("storage-signing.key");
        try {
            if (!Files.exists(file)) {
                PrivateFiles.folder(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key));
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(key));
                    return key;
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing key " + file, e);
        }
    }
}
