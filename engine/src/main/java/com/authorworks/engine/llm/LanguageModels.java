package com.authorworks.engine.llm;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the adapter for a provider by name. */
public final class LanguageModels {

    private LanguageModels() {
    }

    public static LanguageModel create(ProviderSettings settings) {
        return factory(settings.provider()).create(settings);
    }

    /** The models the provider's server lists (see {@link LanguageModelFactory#models}); empty when it has no listing. */
    public static java.util.Optional<java.util.List<String>> models(ProviderSettings settings, ApiKey key) {
        return factory(settings.provider()).models(settings, key);
    }

    private static LanguageModelFactory factory(String provider) {
        LanguageModelFactory factory = factories().get(provider);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown provider '" + provider + "'. Known providers: "
                    + String.join(", ", factories().keySet()));
        }
        return factory;
    }

    /** Every provider name this build knows, sorted. */
    public static java.util.Set<String> providers() {
        return factories().keySet();
    }

    private static Map<String, LanguageModelFactory> factories() {
        Map<String, LanguageModelFactory> byName = new TreeMap<>();
        for (LanguageModelFactory factory : ServiceLoader.load(LanguageModelFactory.class)) {
            byName.put(factory.provider(), factory);
        }
        return byName;
    }
}
