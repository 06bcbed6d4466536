package com.authorworks.platform.security;

/** The shape every service agrees on for access tokens. */
public final class AccessTokens {

    /** The {@code iss} claim of every access token. */
    public static final String ISSUER = "authorworks";
    /** The claim that carries the user's roles, e.g. {@code ["CREATOR"]}. */
    public static final String ROLES_CLAIM = "roles";

    private AccessTokens() {
    }
}
