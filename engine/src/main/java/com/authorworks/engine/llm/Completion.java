package com.authorworks.engine.llm;

/**
 * A model's answer.
 *
 * @param text         the generated text (the JSON itself for structured output)
 * @param usage        tokens as the provider reported them
 * @param model        the model that actually answered (a fallback may differ from the one asked)
 * @param provider     the provider that answered
 * @param finishReason why generation stopped
 */
public record Completion(String text, Usage usage, String model, String provider, FinishReason finishReason) {

    public enum FinishReason { STOP, MAX_TOKENS, REFUSED, OTHER }
}
