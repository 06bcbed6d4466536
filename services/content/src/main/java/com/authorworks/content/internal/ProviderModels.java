package com.authorworks.content.internal;

import org.springframework.stereotype.Component;

import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.engine.llm.providers.RetryingLanguageModel;
import com.authorworks.platform.Problem;

/**
 * The one place a provider name becomes a model: its configured address, and retries with
 * backoff for rate limits and outages (an invalid key fails at once).
 */
@Component
public class ProviderModels {

    private final ContentProperties properties;

    ProviderModels(ContentProperties properties) {
        this.properties = properties;
    }

    /** Whether this build has an adapter for the provider. */
    public boolean knows(String provider) {
        return LanguageModels.providers().contains(provider);
    }

    public LanguageModel create(String provider) {
        LanguageModel model = adapter(provider);
        return model.provider().equals("sample") ? model : new RetryingLanguageModel(model);
    }

    /**
     * The model for a call a person watches stream (AI assist): without retries, because a retried
     * stream starts again from the beginning and the person has already seen its first words; a
     * failure is reported at once and they can ask again.
     */
    public LanguageModel interactive(String provider) {
        return adapter(provider);
    }

    private LanguageModel adapter(String provider) {
        if (!knows(provider)) {
            throw Problem.badRequest("unknown-provider", "Unknown provider '" + provider + "'. Available: "
                    + String.join(", ", LanguageModels.providers()));
        }
        return LanguageModels.create(new ProviderSettings(provider, properties.providerUrls().get(provider), null));
    }
}
