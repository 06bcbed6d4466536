package com.authorworks.platform.contracts;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.env.Environment;

import com.authorworks.platform.UserId;
import com.authorworks.platform.services.EnabledServices;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Short-lived tokens one process of the platform presents to another (ADR 0006): HS256 over the
 * secret every process shares ({@code AUTHORWORKS_SERVICE_SECRET}), naming the calling service
 * ({@code sub}), the one service it is for ({@code aud}), and optionally the user the call acts for
 * ({@code act}). They are a different kind from users' access tokens (own issuer, own type, own
 * header, another algorithm), live one minute, and are honoured only on contract endpoints, so a
 * browser that gets hold of neither the secret nor one in flight cannot act as anyone else.
 */
public final class ServiceTokens {

    public static final String PROPERTY = "authorworks.security.service-secret";
    static final String ISSUER = "authorworks-service";
    static final JOSEObjectType TYPE = new JOSEObjectType("authorworks-service+jwt");
    static final String ACTING_FOR_CLAIM = "act";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    /** Clocks of two machines disagree a little; a token from the future or too long-lived is refused. */
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final int MIN_SECRET_BYTES = 32;

    /** A verified token: who called, and for whom (empty when the service calls as itself). */
    public record Caller(String service, Optional<UserId> actingFor) {
    }

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final String caller;
    private final Clock clock;

    ServiceTokens(String secret, String caller, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("AUTHORWORKS_SERVICE_SECRET must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("AUTHORWORKS_SERVICE_SECRET cannot be used as an HMAC key", e);
        }
        this.caller = caller;
        this.clock = clock;
    }

    /** The tokens of this process, or empty when no secret is configured (then no service token is made or taken). */
    public static Optional<ServiceTokens> from(Environment environment) {
        String secret = environment.getProperty(PROPERTY);
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceTokens(secret, EnabledServices.from(environment).toString(), Clock.systemUTC()));
    }

    /** A token for one call to {@code audience}, acting for {@code actingFor} when not null. */
    public String mint(String audience, UserId actingFor) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(caller).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
        if (actingFor != null) {
            claims.claim(ACTING_FOR_CLAIM, actingFor.toString());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The caller named by a valid token for {@code audience}; empty for anything else. */
    public Optional<Caller> verify(String token, String audience) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date issued = claims.getIssueTime();
            Date expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(audience) || claims.getSubject() == null
                    || issued == null || expires == null
                    || issued.toInstant().isAfter(now.plus(SKEW)) || !expires.toInstant().isAfter(now)
                    || Duration.between(issued.toInstant(), expires.toInstant()).compareTo(LIFETIME.plus(SKEW)) > 0) {
                return Optional.empty();
            }
            Object acting = claims.getClaim(ACTING_FOR_CLAIM);
            Optional<UserId> actingFor = acting == null ? Optional.empty() : Optional.of(UserId.of(acting.toString()));
            return Optional.of(new Caller(claims.getSubject(), actingFor));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
