package com.authorworks.discovery.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.authorworks.platform.Problem;

/** 429 {@code too-many-posts}: a reader posted their limit of comments or reviews; {@link #retryAfter()} becomes Retry-After. */
class TooManyPosts extends Problem {

    private final Duration retryAfter;

    TooManyPosts(String kind, DiscoveryProperties.PostingLimit limit, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-posts",
                "At most " + limit.count() + " " + kind + "s in " + PostingLimits.describe(limit.per()) + ": try again in "
                        + retryAfter.toSeconds() + " seconds.",
                Map.of("retryAfter", retryAfter.toSeconds(), "limit", limit.count(), "windowSeconds", limit.per().toSeconds()));
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
