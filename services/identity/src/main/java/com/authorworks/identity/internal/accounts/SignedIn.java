package com.authorworks.identity.internal.accounts;

/** What a client gets at sign-in and at each refresh. */
public record SignedIn(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {

    @Override
    public String toString() {
        return "SignedIn[expiresIn=" + expiresIn + "]"; // never the tokens
    }
}
