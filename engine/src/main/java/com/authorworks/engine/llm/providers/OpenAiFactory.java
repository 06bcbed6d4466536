package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelFactory;
import com.authorworks.engine.llm.ProviderSettings;

/** Registers the {@code openai} provider with {@link com.authorworks.engine.llm.LanguageModels}. */
public final class OpenAiFactory implements LanguageModelFactory {

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public LanguageModel create(ProviderSettings settings) {
        return OpenAiLanguageModel.openAi(settings.baseUrl(), settings.timeout());
    }

    @Override
    public java.util.Optional<java.util.List<String>> models(ProviderSettings settings, com.authorworks.engine.llm.ApiKey key) {
        return java.util.Optional.of(OpenAiLanguageModel.openAi(settings.baseUrl(), settings.timeout()).models(key));
    }
}
