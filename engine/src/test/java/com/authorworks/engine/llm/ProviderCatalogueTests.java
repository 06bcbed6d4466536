package com.authorworks.engine.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authorworks.engine.PriceTable;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProviderCatalogueTests {

    final PriceTable prices = PriceTable.current();

    @Test
    void everyModelTheCatalogueNamesHasAPriceUnlessItsProviderIsFree() {
        for (ProviderCatalogue.Provider provider : ProviderCatalogue.all()) {
            Stream.of(provider.defaultModel(), provider.summaryModel(), provider.testModel())
                    .filter(java.util.Objects::nonNull)
                    .forEach(model -> assertThat(prices.knows(provider.name(), model)).as(provider.name() + " " + model).isTrue());
            if (!provider.free()) {
                Stream.of(provider.defaultModel(), provider.summaryModel(), provider.testModel())
                        .filter(java.util.Objects::nonNull)
                        .forEach(model -> assertThat(prices.priceOf(model)).as(provider.name() + " " + model).isPresent());
            }
        }
    }

    @Test
    void thePriceTableCountsAsFreeExactlyTheProvidersTheCatalogueMarksFree() {
        assertThat(prices.freeProviders()).containsExactlyInAnyOrder("sample", "ollama");
        assertThat(prices.freeProviders()).isEqualTo(ProviderCatalogue.freeProviders());
    }

    @Test
    void everyProviderInTheCatalogueHasAnAdapterAndTheSampleWriterComesFirst() {
        assertThat(LanguageModels.providers()).containsAll(ProviderCatalogue.names());
        assertThat(ProviderCatalogue.all().getFirst().name()).isEqualTo(ProviderCatalogue.SAMPLE);
    }

    @Test
    void aProviderThatNeedsAKeyNamesItsVariableAndACheaperModelToTestItWith() {
        ProviderCatalogue.all().stream().filter(ProviderCatalogue.Provider::needsKey).forEach(p -> {
            assertThat(p.keyVariable()).as(p.name()).endsWith("_API_KEY");
            assertThat(prices.priceOf(p.testModel()).orElseThrow().input())
                    .as(p.name() + ": the test model is the cheapest one named")
                    .isLessThanOrEqualTo(prices.priceOf(p.summaryModel()).orElseThrow().input());
        });
        assertThat(ProviderCatalogue.all().stream().filter(ProviderCatalogue.Provider::needsKey).map(ProviderCatalogue.Provider::name))
                .containsExactly("anthropic", "openai", "gemini");
    }

    @Test
    void theCheaperSummaryModelIsUsedOnlyWhenTheAuthorNamedNoModel() {
        ProviderCatalogue.Provider anthropic = ProviderCatalogue.require("anthropic");

        assertThat(anthropic.model(null)).contains("claude-sonnet-4-5");
        assertThat(anthropic.summaryModel(null, null)).contains("claude-haiku-4-5");
        assertThat(anthropic.model(" claude-opus-4-5 ")).contains("claude-opus-4-5");
        assertThat(anthropic.summaryModel("claude-opus-4-5", null)).contains("claude-opus-4-5");
        assertThat(anthropic.summaryModel("claude-opus-4-5", "claude-3-5-haiku")).contains("claude-3-5-haiku");

        ProviderCatalogue.Provider compatible = ProviderCatalogue.require("openai-compatible");
        assertThat(compatible.needsModel()).isTrue();
        assertThat(compatible.model("")).isEmpty();
        assertThat(compatible.model("qwen3-32b")).contains("qwen3-32b");
    }

    @Test
    void keysAndAddressesComeFromTheProvidersOwnVariables() {
        Map<String, String> environment = Map.of("OPENAI_API_KEY", "  sk-proj-from-env-1234 ", "OLLAMA_BASE_URL", "http://ollama:11434",
                "GEMINI_API_KEY", " ");

        assertThat(ProviderCatalogue.require("openai").key(environment::get)).hasValueSatisfying(
                key -> assertThat(key.secret()).isEqualTo("sk-proj-from-env-1234"));
        assertThat(ProviderCatalogue.require("gemini").key(environment::get)).as("a blank variable is no key").isEmpty();
        assertThat(ProviderCatalogue.require("ollama").key(environment::get)).isEmpty();
        assertThat(ProviderCatalogue.require("ollama").baseUrl(null, environment::get)).isEqualTo(URI.create("http://ollama:11434"));
        assertThat(ProviderCatalogue.require("ollama").baseUrl(URI.create("http://gpu:11434"), environment::get))
                .isEqualTo(URI.create("http://gpu:11434"));
        assertThat(ProviderCatalogue.require("anthropic").baseUrl(null, environment::get)).isNull();
    }

    @Test
    void anUnknownProviderIsRefusedNamingTheKnownOnes() {
        assertThat(ProviderCatalogue.find(" OpenAI ")).isPresent();
        assertThatThrownBy(() -> ProviderCatalogue.require("acme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown provider 'acme'").hasMessageContaining("anthropic, openai, gemini");
    }
}
