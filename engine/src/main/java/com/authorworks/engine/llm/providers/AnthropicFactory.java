package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelFactory;
import com.authorworks.engine.llm.ProviderSettings;

/** Registers the {@code anthropic} provider with {@link com.authorworks.engine.llm.LanguageModels}. */
public final class AnthropicFactory implements LanguageModelFactory {

    @Override
    public String provider() {
        return "anthropic";
    }

    @Override
    public LanguageModel create(ProviderSettings settings) {
        return new AnthropicLanguageModel(settings.baseUrl(), settings.timeout());
    }
}
