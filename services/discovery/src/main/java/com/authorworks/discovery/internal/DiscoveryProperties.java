package com.authorworks.discovery.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the discovery service ({@code authorworks.discovery.*}).
 *
 * @param index         where the Lucene index lives; {@code ${authorworks.data}/discovery/index} by default. It is
 *                      a cache of the read model: delete it and it is rebuilt at start
 * @param minSimilarity how close (cosine, -1 to 1) a book's embedding must be to a query's for semantic search to
 *                      count it a match; below it only keyword matches are returned
 */
@ConfigurationProperties("authorworks.discovery")
public record DiscoveryProperties(Path index, Double minSimilarity) {

    public DiscoveryProperties {
        if (minSimilarity == null) {
            minSimilarity = 0.3;
        }
    }
}
