package com.authorworks.content.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.authorworks.engine.ChapterWindow;
import com.authorworks.engine.EngineOptions;
import com.authorworks.platform.Problem;

class GenerationRequestTests {

    static GenerationRequest request(String provider, String model, String summaryModel, Integer window) {
        return new GenerationRequest("The Salt Road", "Smugglers on the marshes.", "short-story", null, null, provider, model, summaryModel,
                null, window, null);
    }

    @Test
    void aJobKeepsTheProvidersDefaultModelsAsTheyWereWhenItWasAskedFor() {
        GenerationRequest resolved = request("Anthropic", null, null, null).resolved();

        assertThat(resolved.provider()).isEqualTo("anthropic");
        assertThat(resolved.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(resolved.summaryModel()).isEqualTo("claude-haiku-4-5");
        assertThat(resolved.spec()).isEqualTo(request("anthropic", null, null, null).spec());
    }

    @Test
    void anAuthorsModelIsAlsoTheirSummaryModelUnlessTheyNameAnother() {
        assertThat(request("openai", "gpt-4.1", null, null).spec().summaryModel()).isEqualTo("gpt-4.1");
        assertThat(request("openai", "gpt-4.1", "gpt-4.1-mini", null).spec().summaryModel()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void anUnsetChapterWindowFollowsTheStreamsAJobRunsWith() {
        assertThat(request("sample", null, null, null).spec().chapterWindow())
                .isEqualTo(ChapterWindow.forConcurrency(EngineOptions.defaults().concurrency()))
                .isGreaterThanOrEqualTo(EngineOptions.defaults().concurrency());
        assertThat(request("sample", null, null, 1).spec().chapterWindow()).isEqualTo(1);
    }

    @Test
    void aProviderWithoutADefaultModelNeedsOneNamed() {
        assertThatThrownBy(() -> request("openai-compatible", " ", null, null).spec())
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("model-required"));
        assertThat(request("openai-compatible", "qwen3-32b", null, null).spec().model()).isEqualTo("qwen3-32b");
        assertThat(request("openai-compatible", null, null, null).shownModel()).isNull();
    }
}
