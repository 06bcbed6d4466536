package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelFactory;
import com.authorworks.engine.llm.ProviderSettings;

/** Registers the {@code gemini} provider with {@link com.authorworks.engine.llm.LanguageModels}. */
public final class GeminiFactory implements LanguageModelFactory {

    @Override
    public String provider() {
        return "gemini";
    }

    @Override
    public LanguageModel create(ProviderSettings settings) {
        return new GeminiLanguageModel(settings.baseUrl(), settings.timeout());
    }
}
