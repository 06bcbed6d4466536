package com.authorworks.content.generation;

import java.util.Map;

/** Which model a provider uses when the author names none. */
final class Models {

    private static final Map<String, String> DEFAULTS = Map.of(
            "sample", "sample-writer",
            "anthropic", "claude-sonnet-4-5",
            "openai", "gpt-5-mini",
            "gemini", "gemini-2.5-flash",
            "ollama", "llama3.1");

    private Models() {
    }

    static String defaultModel(String provider) {
        return DEFAULTS.getOrDefault(provider, "default");
    }
}
