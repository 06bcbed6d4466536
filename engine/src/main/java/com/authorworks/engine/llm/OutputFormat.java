package com.authorworks.engine.llm;

import java.util.Objects;

/** What shape the answer must have. */
public sealed interface OutputFormat {

    /** Prose, as the model writes it. */
    record Text() implements OutputFormat {
    }

    /**
     * JSON matching a schema, through the provider's native structured output (OpenAI
     * {@code response_format: json_schema}, Anthropic tool use, Gemini {@code responseSchema},
     * Ollama {@code format}).
     *
     * @param name       a short identifier for the schema, e.g. {@code outline}
     * @param jsonSchema the JSON Schema document, as JSON text
     */
    record Json(String name, String jsonSchema) implements OutputFormat {
        public Json {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(jsonSchema, "jsonSchema");
        }
    }

    static OutputFormat text() {
        return new Text();
    }

    static OutputFormat json(String name, String jsonSchema) {
        return new Json(name, jsonSchema);
    }
}
