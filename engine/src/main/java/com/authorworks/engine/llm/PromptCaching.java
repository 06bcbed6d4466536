package com.authorworks.engine.llm;

import java.util.Locale;

/**
 * What the providers document about prompt caching: the shortest prefix a model caches. Anthropic caches
 * a marked prefix of at least 1,024 tokens on Sonnet and Opus 4.x up to 4.1, 4,096 on Opus 4.5 and Haiku
 * 4.5, 2,048 on the Haiku 3 models; OpenAI and Gemini cache prompts of at least 1,024 tokens by themselves.
 * A shorter prefix is billed as normal input, so the engine marks it only when it can be cached.
 */
public final class PromptCaching {

    private PromptCaching() {
    }

    /** The fewest prefix tokens {@code model} caches. */
    public static int minimumTokens(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        if (m.contains("haiku-4") || m.contains("opus-4-5") || m.contains("opus-4.5")) {
            return 4_096;
        }
        if (m.contains("haiku-3") || m.contains("3-haiku") || m.contains("3-5-haiku")) {
            return 2_048;
        }
        return 1_024;
    }
}
