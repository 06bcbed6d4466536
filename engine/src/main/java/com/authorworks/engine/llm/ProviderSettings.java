package com.authorworks.engine.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one provider.
 *
 * @param provider the provider's name: {@code anthropic}, {@code openai}, {@code gemini},
 *                 {@code ollama}, {@code openai-compatible} or {@code sample}
 * @param baseUrl  where its API is; null for the provider's public default
 * @param timeout  how long one call may take before it counts as failed
 */
public record ProviderSettings(String provider, URI baseUrl, Duration timeout) {

    public ProviderSettings {
        Objects.requireNonNull(provider, "provider");
        if (timeout == null) {
            timeout = Duration.ofMinutes(5);
        }
    }

    public static ProviderSettings of(String provider) {
        return new ProviderSettings(provider, null, null);
    }
}
