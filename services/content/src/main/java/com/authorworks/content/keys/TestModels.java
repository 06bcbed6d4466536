package com.authorworks.content.keys;

import java.util.Map;

/** The cheapest model of each provider, for testing a key with a few tokens. */
final class TestModels {

    private static final Map<String, String> CHEAPEST = Map.of(
            "anthropic", "claude-haiku-4-5", "openai", "gpt-5-nano", "gemini", "gemini-2.5-flash-lite");

    private TestModels() {
    }

    static String of(String provider) {
        return CHEAPEST.get(provider);
    }
}
