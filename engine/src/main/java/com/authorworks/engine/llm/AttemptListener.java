package com.authorworks.engine.llm;

/**
 * Hears of every attempt a model stack sends again after one failed (a retry, a fallback), so the caller
 * can put each attempt the provider may have served and billed on the account, not only the one that answered.
 * The first attempt is the caller's own send; it hears of the later ones only.
 */
@FunctionalInterface
public interface AttemptListener {

    /** Hears nothing. */
    AttemptListener NONE = (provider, model, failure) -> { };

    /**
     * The attempt in progress failed with {@code failure} and the stack now sends another, to {@code provider}'s
     * {@code model}. Text streamed to {@link CompletionRequest#onDelta()} after this belongs to the new attempt.
     */
    void resending(String provider, String model, LanguageModelException failure);
}
