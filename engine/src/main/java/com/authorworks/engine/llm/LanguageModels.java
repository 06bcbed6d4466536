package com.authorworks.engine.llm;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the adapter for a provider by name. */
public final class LanguageModels {

    private LanguageModels() {
    }

    public static LanguageModel create(ProviderSettings settings) {
        LanguageModelFactory factory = factories().get(settings.provider());
        if (factory == null) {
            throw new IllegalArgumentException("Unknown provider '" + settings.provider() + "'. Known providers: "
                    + String.join(", ", factories().keySet()));
        }
        return factory.create(settings);
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
