package com.authorworks.engine.llm;

/**
 * Builds the {@link LanguageModel} for one provider name. Implementations register through
 * {@link java.util.ServiceLoader} in {@code META-INF/services/com.authorworks.engine.llm.LanguageModelFactory}.
 */
public interface LanguageModelFactory {

    /** The provider name this factory answers to. */
    String provider();

    LanguageModel create(ProviderSettings settings);
}
