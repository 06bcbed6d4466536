package com.authorworks.content.internal;

import java.net.URI;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.ModelStack;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.platform.Problem;

/**
 * The one place in this service a provider name becomes a model: its configured address, and the
 * engine's {@link ModelStack} (timeouts, retries honouring retry-after; an invalid key fails at once).
 */
@Component
public class ProviderModels {

    private final ContentProperties properties;
    private final Environment environment;

    ProviderModels(ContentProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** Whether this build has an adapter for the provider. */
    public boolean knows(String provider) {
        return LanguageModels.providers().contains(provider);
    }

    /**
     * Whether this server knows where the provider is: always for a hosted API and the sample writer,
     * for a local one (Ollama, an OpenAI-compatible server) only when its address is configured.
     */
    public boolean configured(ProviderCatalogue.Provider provider) {
        return provider.baseUrlVariable() == null || baseUrl(provider.name()) != null;
    }

    /** For generation jobs. */
    public LanguageModel create(String provider) {
        return stack(provider, ModelStack.Limits.GENERATION);
    }

    /** For a call a person watches stream (AI assist): a stream that showed text is not started again. */
    public LanguageModel interactive(String provider) {
        return stack(provider, ModelStack.Limits.INTERACTIVE);
    }

    /** For testing a key while its owner waits. */
    public LanguageModel keyTest(String provider) {
        return stack(provider, ModelStack.Limits.KEY_TEST);
    }

    /** A 400 {@code unknown-provider} unless this build has an adapter for the provider. */
    public void requireKnown(String provider) {
        if (!knows(provider)) {
            throw Problem.badRequest("unknown-provider", "Unknown provider '" + provider + "'. Available: "
                    + String.join(", ", LanguageModels.providers()));
        }
    }

    private LanguageModel stack(String provider, ModelStack.Limits limits) {
        requireKnown(provider);
        return ModelStack.create(provider, baseUrl(provider), limits);
    }

    /** The configured address ({@code authorworks.content.provider-urls.<name>}), else the provider's environment variable. */
    private URI baseUrl(String provider) {
        URI configured = properties.providerUrls().get(provider);
        Optional<ProviderCatalogue.Provider> known = ProviderCatalogue.find(provider);
        return known.isPresent() ? known.get().baseUrl(configured, environment::getProperty) : configured;
    }
}
