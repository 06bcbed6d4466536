package com.authorworks.engine.sample;

import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelFactory;
import com.authorworks.engine.llm.ProviderSettings;

/** Registers the offline sample writer as provider {@code sample}. */
public final class SampleLanguageModelFactory implements LanguageModelFactory {

    /** The seed every sample writer built by provider name uses, so the same book comes out every time. */
    public static final long SEED = 20_251_122L;

    @Override
    public String provider() {
        return "sample";
    }

    @Override
    public LanguageModel create(ProviderSettings settings) {
        return new SampleLanguageModel(SEED);
    }
}
