package com.authorworks.editor.internal.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.authorworks.content.SceneId;
import com.authorworks.editor.internal.EditorProperties;
import com.authorworks.editor.internal.log.DocumentLog;
import com.authorworks.platform.UserId;

/**
 * Short-lived signed tickets for the socket: which user may open which document, and whether they may
 * write. {@code POST .../collaborate} issues one after content's access policy said yes; the socket
 * checks it on connect. HMAC-SHA256 over (document, user, mode, expiry) with a key kept in the
 * editor's schema, so any editor process of the deployment accepts it, also after a restart.
 */
@Component
public class Tickets {

    /** What a ticket lets its holder do: write (the book's owner) or only read and be seen (readers). */
    public enum Mode {
        WRITE, READ
    }

    /** A verified ticket. */
    public record Ticket(SceneId document, UserId user, Mode mode, Instant expires) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final DocumentLog log;
    private final EditorProperties properties;
    private final Clock clock;
    private volatile byte[] key;

    Tickets(DocumentLog log, EditorProperties properties) {
        this.log = log;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public Ticket issue(SceneId document, UserId user, Mode mode) {
        return new Ticket(document, user, mode, clock.instant().plus(properties.ticketLifetime()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    public String encode(Ticket ticket) {
        byte[] body = body(ticket);
        return B64.encodeToString(body) + "." + B64.encodeToString(sign(body));
    }

    /** The ticket if it is well formed, signed by us, for this document and not expired. */
    public Optional<Ticket> verify(String encoded, SceneId document) {
        if (encoded == null || encoded.length() > 512) {
            return Optional.empty();
        }
        int dot = encoded.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] body;
        byte[] signature;
        try {
            body = B64D.decode(encoded.substring(0, dot));
            signature = B64D.decode(encoded.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (body.length != 16 + 16 + 1 + 8 || !MessageDigest.isEqual(sign(body), signature)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        SceneId doc = new SceneId(new UUID(in.getLong(), in.getLong()));
        UserId user = new UserId(new UUID(in.getLong(), in.getLong()));
        byte mode = in.get();
        Instant expires = Instant.ofEpochSecond(in.getLong());
        if (!doc.equals(document) || mode < 0 || mode >= Mode.values().length || !clock.instant().isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new Ticket(doc, user, Mode.values()[mode], expires));
    }

    private static byte[] body(Ticket ticket) {
        return ByteBuffer.allocate(16 + 16 + 1 + 8)
                .putLong(ticket.document().value().getMostSignificantBits()).putLong(ticket.document().value().getLeastSignificantBits())
                .putLong(ticket.user().value().getMostSignificantBits()).putLong(ticket.user().value().getLeastSignificantBits())
                .put((byte) ticket.mode().ordinal())
                .putLong(ticket.expires().getEpochSecond())
                .array();
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update("authorworks-editor-ticket".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] held = key;
        if (held == null) {
            byte[] candidate = new byte[32];
            new SecureRandom().nextBytes(candidate);
            held = key = log.ticketKey(candidate);
        }
        return held;
    }
}
