package com.authorworks.identity;

/** The identity service runs in another process and cannot be reached now; try again shortly. */
public class IdentityUnavailableException extends RuntimeException {

    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
