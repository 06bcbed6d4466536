package com.authorworks.engine.llm;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One call to a model.
 *
 * @param model        the provider's model id, e.g. {@code claude-sonnet-4-5}
 * @param system       instructions; a stable prefix across calls, so providers can cache it
 * @param messages     the conversation, usually one user message
 * @param temperature  sampling temperature
 * @param maxTokens    the most output tokens to produce
 * @param output       free text, or structured output with a JSON schema
 * @param cachePrefix  whether to ask the provider to cache {@code system} (Anthropic prompt caching)
 * @param key          the caller's API key; null for providers that need none (Ollama, sample)
 * @param onDelta      receives streamed text as it arrives; null for a non-streaming call
 * @param attempts     hears of each attempt the model stack sends again after a failure (retries, fallbacks);
 *                     {@link AttemptListener#NONE} when null
 */
public record CompletionRequest(
        String model,
        String system,
        List<Message> messages,
        double temperature,
        int maxTokens,
        OutputFormat output,
        boolean cachePrefix,
        ApiKey key,
        Consumer<String> onDelta,
        AttemptListener attempts) {

    public CompletionRequest {
        attempts = attempts == null ? AttemptListener.NONE : attempts;
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        Objects.requireNonNull(output, "output");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    /** A request whose resent attempts nobody needs to hear of. */
    public CompletionRequest(String model, String system, List<Message> messages, double temperature, int maxTokens, OutputFormat output,
                             boolean cachePrefix, ApiKey key, Consumer<String> onDelta) {
        this(model, system, messages, temperature, maxTokens, output, cachePrefix, key, onDelta, AttemptListener.NONE);
    }

    public boolean streaming() {
        return onDelta != null;
    }

    public CompletionRequest withKey(ApiKey newKey) {
        return new CompletionRequest(model, system, messages, temperature, maxTokens, output, cachePrefix, newKey, onDelta, attempts);
    }

    public CompletionRequest withModel(String newModel) {
        return new CompletionRequest(newModel, system, messages, temperature, maxTokens, output, cachePrefix, key, onDelta, attempts);
    }

    public CompletionRequest withOnDelta(Consumer<String> newOnDelta) {
        return new CompletionRequest(model, system, messages, temperature, maxTokens, output, cachePrefix, key, newOnDelta, attempts);
    }
}
