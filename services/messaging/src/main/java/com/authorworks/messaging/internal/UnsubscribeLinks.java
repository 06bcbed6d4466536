package com.authorworks.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;

/**
 * Signed one-click unsubscribe tokens: {@code base64url("v1|user|type") + "." + base64url(HMAC-SHA256)}. Whoever
 * holds one may stop that type's mails to that user and nothing else, so a mail can carry it without the
 * reader signing in. They do not expire: a mail read a year later must still unsubscribe. The key lives in
 * {@code messaging.secrets}, made by the first process to need it.
 */
@Component
class UnsubscribeLinks {

    private static final String KEY_NAME = "unsubscribe-links";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient db;
    private volatile byte[] key;

    UnsubscribeLinks(JdbcClient db) {
        this.db = db;
    }

    record Subscription(UserId user, NotificationType type) {
    }

    String token(UserId user, NotificationType type) {
        byte[] payload = ("v1|" + user + "|" + type.name()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** What a token unsubscribes from; empty when it is not one of ours (altered, cut, made with another key). */
    Optional<Subscription> verify(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            return Optional.of(new Subscription(UserId.of(parts[1]), NotificationType.valueOf(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            db.sql("INSERT INTO messaging.secrets (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .param("name", KEY_NAME).param("value", fresh).update();
            known = db.sql("SELECT value FROM messaging.secrets WHERE name = :name").param("name", KEY_NAME)
                    .query(byte[].class).single();
            key = known;
        }
        return known;
    }
}
