package com.authorworks.identity.internal.accounts;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.authorworks.platform.Problem;

/** 429: slow down; the answer's Retry-After says for how long. */
class TooManyAttempts extends Problem {

    TooManyAttempts(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                "Too many attempts. Try again in " + retryAfter.toSeconds() + " seconds.",
                Map.of("retryAfter", retryAfter.toSeconds()), retryAfter);
    }
}
