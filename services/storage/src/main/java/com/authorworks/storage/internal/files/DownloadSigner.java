package com.authorworks.storage.internal.files;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.authorworks.storage.FileId;

/**
 * Signs and checks the download links the application serves itself: an HMAC-SHA256 over the
 * file id and the expiry time, so a link cannot be moved to another file or made to live longer.
 */
final class DownloadSigner {

    enum Verdict { VALID, INVALID, EXPIRED }

    private final SecretKeySpec key;
    private final Clock clock;

    DownloadSigner(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    String sign(FileId id, Instant expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(id, expires.getEpochSecond()));
    }

    Verdict verify(FileId id, long expiresEpochSecond, String signature) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return Verdict.INVALID;
        }
        // Constant-time comparison: timing must not reveal how much of a forged signature was right.
        if (!MessageDigest.isEqual(mac(id, expiresEpochSecond), given)) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() < expiresEpochSecond ? Verdict.VALID : Verdict.EXPIRED;
    }

    Instant now() {
        return clock.instant();
    }

    private byte[] mac(FileId id, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("download\n" + id + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
