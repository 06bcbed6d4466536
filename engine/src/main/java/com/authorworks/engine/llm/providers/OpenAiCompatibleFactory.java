package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelFactory;
import com.authorworks.engine.llm.ProviderSettings;

/** Registers the {@code openai-compatible} provider with {@link com.authorworks.engine.llm.LanguageModels}. */
public final class OpenAiCompatibleFactory implements LanguageModelFactory {

    @Override
    public String provider() {
        return "openai-compatible";
    }

    @Override
    public LanguageModel create(ProviderSettings settings) {
        return OpenAiLanguageModel.compatible(settings.baseUrl(), settings.timeout());
    }

    @Override
    public java.util.Optional<java.util.List<String>> models(ProviderSettings settings, com.authorworks.engine.llm.ApiKey key) {
        return java.util.Optional.of(OpenAiLanguageModel.compatible(settings.baseUrl(), settings.timeout()).models(key));
    }
}
