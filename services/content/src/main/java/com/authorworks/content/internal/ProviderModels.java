package com.authorworks.content.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.ModelStack;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * The one place in this service a provider name becomes a model: its address (the user's own server
 * for that provider, else the configured one), and the engine's {@link ModelStack} (timeouts, retries
 * honouring retry-after; an invalid key fails at once).
 */
@Component
public class ProviderModels {

    private final ContentProperties properties;
    private final Environment environment;
    private final ProviderEndpoints endpoints;
    private final ProviderAddresses addresses;

    ProviderModels(ContentProperties properties, Environment environment, ProviderEndpoints endpoints, ProviderAddresses addresses) {
        this.properties = properties;
        this.environment = environment;
        this.endpoints = endpoints;
        this.addresses = addresses;
    }

    /** Whether this build has an adapter for the provider. */
    public boolean knows(String provider) {
        return LanguageModels.providers().contains(provider);
    }

    /**
     * Whether the provider can be reached for this user: always a hosted API and the sample writer, a
     * local one (Ollama, an OpenAI-compatible server) only when the user gave its address or the server
     * has one configured.
     */
    public boolean configured(ProviderCatalogue.Provider provider, UserId user) {
        return provider.baseUrlVariable() == null || endpoints.find(user, provider.name()).isPresent() || baseUrl(provider.name()) != null;
    }

    /** For the user's generation jobs. */
    public LanguageModel create(String provider, UserId user) {
        return stack(provider, user, ModelStack.Limits.GENERATION);
    }

    /** For a call a person watches stream (AI assist): a stream that showed text is not started again. */
    public LanguageModel interactive(String provider, UserId user) {
        return stack(provider, user, ModelStack.Limits.INTERACTIVE);
    }

    /** For testing a key or a server while its owner waits. */
    public LanguageModel keyTest(String provider, UserId user) {
        return stack(provider, user, ModelStack.Limits.KEY_TEST);
    }

    /**
     * The models the provider's server lists for this user (with the test's short timeout, no retries:
     * a person waits); empty when the provider has no listing.
     */
    public Optional<List<String>> models(String provider, UserId user, ApiKey key) {
        requireKnown(provider);
        return LanguageModels.models(new ProviderSettings(provider, baseUrl(provider, user), ModelStack.Limits.KEY_TEST.callTimeout()), key);
    }

    /** A 400 {@code unknown-provider} unless this build has an adapter for the provider. */
    public void requireKnown(String provider) {
        if (!knows(provider)) {
            throw Problem.badRequest("unknown-provider", "Unknown provider '" + provider + "'. Available: "
                    + String.join(", ", LanguageModels.providers()));
        }
    }

    private LanguageModel stack(String provider, UserId user, ModelStack.Limits limits) {
        requireKnown(provider);
        return ModelStack.create(provider, baseUrl(provider, user), limits);
    }

    /** The user's own address for the provider, checked again (its name may resolve elsewhere now), else the server's. */
    private URI baseUrl(String provider, UserId user) {
        return endpoints.find(user, provider).map(own -> addresses.check(own.baseUrl())).orElseGet(() -> baseUrl(provider));
    }

    /** The configured address ({@code authorworks.content.provider-urls.<name>}), else the provider's environment variable. */
    private URI baseUrl(String provider) {
        URI configured = properties.providerUrls().get(provider);
        Optional<ProviderCatalogue.Provider> known = ProviderCatalogue.find(provider);
        return known.isPresent() ? known.get().baseUrl(configured, environment::getProperty) : configured;
    }
}
