package com.authorworks.engine.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.ProviderSettings;
import org.junit.jupiter.api.Test;

class ProviderRegistrationTests {

    @Test
    void everyAdapterIsFoundByItsProviderName() {
        assertThat(LanguageModels.providers())
                .contains("anthropic", "openai", "openai-compatible", "gemini", "ollama");
        for (String name : new String[] {"anthropic", "openai", "gemini", "ollama"}) {
            assertThat(LanguageModels.create(ProviderSettings.of(name)).provider()).isEqualTo(name);
        }
    }
}
