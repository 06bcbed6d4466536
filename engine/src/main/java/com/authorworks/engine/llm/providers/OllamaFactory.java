package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelFactory;
import com.authorworks.engine.llm.ProviderSettings;

/** Registers the {@code ollama} provider with {@link com.authorworks.engine.llm.LanguageModels}. */
public final class OllamaFactory implements LanguageModelFactory {

    @Override
    public String provider() {
        return "ollama";
    }

    @Override
    public LanguageModel create(ProviderSettings settings) {
        return new OllamaLanguageModel(settings.baseUrl(), settings.timeout());
    }

    @Override
    public java.util.Optional<java.util.List<String>> models(ProviderSettings settings, com.authorworks.engine.llm.ApiKey key) {
        return java.util.Optional.of(new OllamaLanguageModel(settings.baseUrl(), settings.timeout()).models(key));
    }
}
