package com.authorworks.engine;

import com.authorworks.engine.llm.Usage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTests {

    private final PriceTable prices = PriceTable.current();

    @Test
    void pricesInputOutputAndCacheTokensPerMillion() {
        // 1M uncached input at $3, 200k cache reads at $0.30, 100k output at $15
        Usage usage = new Usage(1_200_000, 100_000, 200_000, 0);

        assertThat(prices.cost("anthropic", "claude-sonnet-4-5", usage)).isEqualByComparingTo("4.56");
    }

    @Test
    void aDatedModelIdUsesItsBaseModelsPriceAndTheLongestMatchWins() {
        Usage million = new Usage(1_000_000, 0, 0, 0);

        assertThat(prices.cost("anthropic", "claude-sonnet-4-5-20250929", million)).isEqualByComparingTo("3");
        assertThat(prices.cost("openai", "gpt-5-mini", million)).isEqualByComparingTo("0.25");
        assertThat(prices.cost("openai", "gpt-5-mini-2025-08-07", million)).isEqualByComparingTo("0.25");
    }

    @Test
    void localAndSampleModelsAreFreeAndUnknownModelsAreFlagged() {
        Usage usage = new Usage(5_000, 5_000, 0, 0);

        assertThat(prices.cost("sample", "sample-writer", usage)).isZero();
        assertThat(prices.cost("ollama", "llama3.1", usage)).isZero();
        assertThat(prices.knows("openai", "some-future-model")).isFalse();
        assertThat(prices.knows("ollama", "anything")).isTrue();
    }
}
