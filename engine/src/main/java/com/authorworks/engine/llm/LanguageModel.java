package com.authorworks.engine.llm;

/**
 * A language model behind some provider's API. Implementations are thread-safe and hold no
 * per-user state: the key travels with each request (bring your own key).
 */
public interface LanguageModel {

    /** The provider's name as used in configuration, e.g. {@code anthropic} or {@code sample}. */
    String provider();

    /**
     * Runs one completion. When {@link CompletionRequest#output()} asks for structured output, the
     * returned text is the model's JSON, produced through the provider's native mechanism; the
     * caller validates it. Streams deltas to {@link CompletionRequest#onDelta()} when set.
     *
     * @throws LanguageModelException a typed failure; see its subclasses for which are retryable
     */
    Completion complete(CompletionRequest request);
}
