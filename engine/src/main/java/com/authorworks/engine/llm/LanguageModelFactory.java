package com.authorworks.engine.llm;

/**
 * Builds the {@link LanguageModel} for one provider name. Implementations register through
 * {@link java.util.ServiceLoader} in {@code META-INF/services/com.authorworks.engine.llm.LanguageModelFactory}.
 */
public interface LanguageModelFactory {

    /** The provider name this factory answers to. */
    String provider();

    LanguageModel create(ProviderSettings settings);

    /**
     * The models the provider's server offers, as it lists them (sorted), for a person to choose from;
     * empty when this provider has no listing we read. Fails with the same typed
     * {@link LanguageModelException}s as a call.
     */
    default java.util.Optional<java.util.List<String>> models(ProviderSettings settings, ApiKey key) {
        return java.util.Optional.empty();
    }
}
