package com.authorworks.platform.security;

/** The shape every service agrees on for access tokens. */
public final class AccessTokens {

    /** The {@code iss} claim of every access token. */
    public static final String ISSUER = "authorworks";
    /** The claim that carries the user's roles, e.g. {@code ["CREATOR"]}. */
    public static final String ROLES_CLAIM = "roles";
    /**
     * The claim that carries the user's token epoch when the token was issued (a number; absent
     * means 0). A token whose epoch is below the user's current one is refused ({@link TokenEpochs}).
     */
    public static final String EPOCH_CLAIM = "epoch";

    private AccessTokens() {
    }
}
