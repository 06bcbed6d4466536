package com.authorworks.content;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelFactory;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.engine.sample.SampleLanguageModel;
import com.authorworks.engine.sample.SampleLanguageModelFactory;

/** The real offline sample writer under a provider name of its own, with one behaviour a test controls. */
abstract class AlteredSampleModels implements LanguageModelFactory {

    private final String provider;

    AlteredSampleModels(String provider) {
        this.provider = provider;
    }

    /** Answers {@code request}, mostly by asking {@code sample}. */
    abstract Completion complete(SampleLanguageModel sample, CompletionRequest request);

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public LanguageModel create(ProviderSettings settings) {
        SampleLanguageModel sample = new SampleLanguageModel(SampleLanguageModelFactory.SEED);
        return new LanguageModel() {
            @Override
            public String provider() {
                return provider;
            }

            @Override
            public Completion complete(CompletionRequest request) {
                return AlteredSampleModels.this.complete(sample, request);
            }
        };
    }
}
