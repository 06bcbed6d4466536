package com.authorworks.discovery.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the discovery service ({@code authorworks.discovery.*}).
 *
 * @param index         where the Lucene index lives; {@code ${authorworks.data}/discovery/index} by default. It is
 *                      a cache of the read model: delete it and it is rebuilt at start
 * @param minSimilarity how close (cosine, -1 to 1) a book's embedding must be to a query's for semantic search to
 *                      count it a match; below it only keyword matches are returned
 * @param commentLimit  at most {@code count} comments a reader in any {@code per} ({@code comment-limit.count},
 *                      {@code comment-limit.per}, e.g. {@code 10m}); 20 in 10 minutes by default
 * @param reviewLimit   the same for saved ratings with a review; 10 an hour by default
 */
@ConfigurationProperties("authorworks.discovery")
public record DiscoveryProperties(Path index, Double minSimilarity, PostingLimit commentLimit, PostingLimit reviewLimit) {

    /** The default posting limits: 20 comments in any 10 minutes, 10 reviews in any hour. */
    static final PostingLimit COMMENTS = new PostingLimit(20, Duration.ofMinutes(10));
    static final PostingLimit REVIEWS = new PostingLimit(10, Duration.ofHours(1));

    /** At most {@code count} posts in any {@code per}. */
    public record PostingLimit(int count, Duration per) {
        public PostingLimit {
            if (count < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a posting limit needs a count of at least 1 and a positive window");
            }
        }
    }

    public DiscoveryProperties {
        if (minSimilarity == null) {
            minSimilarity = 0.3;
        }
        if (commentLimit == null) {
            commentLimit = COMMENTS;
        }
        if (reviewLimit == null) {
            reviewLimit = REVIEWS;
        }
    }
}
