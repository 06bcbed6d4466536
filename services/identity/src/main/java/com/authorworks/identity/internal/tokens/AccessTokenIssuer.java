package com.authorworks.identity.internal.tokens;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.platform.Role;
import com.authorworks.platform.UserId;
import com.authorworks.platform.security.AccessTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs short-lived RS256 access tokens in the shape every service verifies ({@link AccessTokens}). */
@Component
public class AccessTokenIssuer {

    /** A signed token and how many seconds it stays valid. */
    public record IssuedAccessToken(String token, long expiresIn) {
    }

    private final RSASSASigner signer;
    private final JWSHeader header;
    private final IdentitySettings settings;

    public AccessTokenIssuer(SigningKey key, IdentitySettings settings) throws JOSEException {
        this.signer = new RSASSASigner(key.key());
        this.header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.key().getKeyID()).type(JOSEObjectType.JWT).build();
        this.settings = settings;
    }

    /** {@code tokenEpoch}: the user's current one, so the token dies when it advances. */
    public IssuedAccessToken issue(UserId user, Set<Role> roles, long tokenEpoch) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(AccessTokens.ISSUER)
                .subject(user.toString())
                .claim(AccessTokens.ROLES_CLAIM, roles.stream().map(Role::name).sorted().toList())
                .claim(AccessTokens.EPOCH_CLAIM, tokenEpoch)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return new IssuedAccessToken(jwt.serialize(), settings.accessTokenLifetime().toSeconds());
    }
}
