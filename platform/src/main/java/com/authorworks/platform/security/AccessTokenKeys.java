package com.authorworks.platform.security;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The public keys that access tokens are verified with. The identity service provides them when
 * it runs in this process; otherwise they are fetched from its JWKS endpoint
 * ({@code AUTHORWORKS_JWKS_URI}).
 */
public interface AccessTokenKeys {

    /** Public keys only, each with its key id. */
    JWKSet publicKeys();
}
