package com.authorworks.engine.llm;

import java.util.Objects;

/** A provider API key. Its text never appears in logs, messages or {@link #toString()}. */
public record ApiKey(String secret) {

    public ApiKey {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("An API key cannot be blank");
        }
    }

    /** The last four characters, the only part ever shown to a person. */
    public String hint() {
        return secret.length() <= 4 ? "…" : "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "ApiKey[" + hint() + "]";
    }
}
