package com.authorworks.discovery.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.authorworks.platform.Problem;

/** 429 {@code too-many-posts}: a reader posted their limit of comments or reviews; the answer's Retry-After says until when. */
class TooManyPosts extends Problem {

    TooManyPosts(String kind, DiscoveryProperties.PostingLimit limit, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-posts",
                "At most " + limit.count() + " " + kind + "s in " + PostingLimits.describe(limit.per()) + ": try again in "
                        + retryAfter.toSeconds() + " seconds.",
                Map.of("retryAfter", retryAfter.toSeconds(), "limit", limit.count(), "windowSeconds", limit.per().toSeconds()),
                retryAfter);
    }
}
