package com.authorworks.app.cli;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.ProviderSettings;

import java.net.URI;
import java.util.Map;

/** Builds the model for a provider name and finds its key in the environment. */
final class Models {

    private static final Map<String, String> KEY_VARIABLES = Map.of(
            "anthropic", "ANTHROPIC_API_KEY",
            "openai", "OPENAI_API_KEY",
            "gemini", "GEMINI_API_KEY",
            "openai-compatible", "OPENAI_COMPATIBLE_API_KEY");

    private Models() {
    }

    static LanguageModel create(String provider, URI baseUrl) {
        return LanguageModels.create(new ProviderSettings(provider, baseUrl, null));
    }

    /** The key from the provider's environment variable; null for providers that need none. */
    static ApiKey key(String provider, Map<String, String> environment) {
        String variable = KEY_VARIABLES.get(provider);
        if (variable == null) {
            return null;
        }
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            if (provider.equals("openai-compatible")) {
                return null;
            }
            throw new IllegalArgumentException("Set " + variable + " to use " + provider + " (the key is read from the environment only).");
        }
        return new ApiKey(value.strip());
    }
}
