package com.authorworks.content.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the content service ({@code authorworks.content.*}).
 *
 * @param maxConcurrentGenerations books generated at once across the platform (all workers)
 * @param maxGenerationsPerUser    unfinished generations one user may have; more are refused with 429
 * @param lease                    how long a worker owns a running job without renewing it; a job whose
 *                                 lease expired belongs to a dead worker and is picked up again
 * @param poll                     how often an idle worker looks for queued jobs
 * @param providerUrls             where a provider's API is when not at its public default, by provider
 *                                 name (e.g. {@code ollama: http://ollama:11434}, a proxy, or a test server)
 * @param userProviderAddresses    which addresses a user may give for their own Ollama or OpenAI-compatible server:
 *                                 {@code any} (the default: a self-hosted platform whose users run models on their
 *                                 own machines or network) or {@code public} (a platform open to strangers: no
 *                                 loopback or private-network address, so the server cannot be made to call inside
 *                                 its own network); link-local addresses (cloud metadata) are refused either way
 */
@ConfigurationProperties("authorworks.content")
public record ContentProperties(Integer maxConcurrentGenerations, Integer maxGenerationsPerUser, Duration lease, Duration poll,
                                Map<String, URI> providerUrls, ProviderAddresses.Policy userProviderAddresses) {

    public ContentProperties {
        if (maxConcurrentGenerations == null) {
            maxConcurrentGenerations = 3;
        }
        if (maxGenerationsPerUser == null) {
            maxGenerationsPerUser = 1;
        }
        if (lease == null) {
            lease = Duration.ofSeconds(30);
        }
        if (poll == null) {
            poll = Duration.ofSeconds(1);
        }
        providerUrls = providerUrls == null ? Map.of() : Map.copyOf(providerUrls);
        if (userProviderAddresses == null) {
            userProviderAddresses = ProviderAddresses.Policy.ANY;
        }
    }
}
