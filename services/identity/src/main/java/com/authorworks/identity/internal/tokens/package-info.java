/** Tokens: the RS256 signing key and its JWKS, access tokens, rotating refresh tokens, opaque secrets. */
package com.authorworks.identity.internal.tokens;
