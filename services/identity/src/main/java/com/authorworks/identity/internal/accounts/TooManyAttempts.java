package com.authorworks.identity.internal.accounts;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.authorworks.platform.Problem;

/** 429: slow down; {@link #retryAfter()} becomes the Retry-After header. */
class TooManyAttempts extends Problem {

    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                "Too many attempts. Try again in " + retryAfter.toSeconds() + " seconds.",
                Map.of("retryAfter", retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
