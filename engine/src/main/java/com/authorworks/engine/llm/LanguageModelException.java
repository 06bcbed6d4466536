package com.authorworks.engine.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * A model call that failed, typed by what the caller should do about it. Messages are written
 * for the author and never contain the API key.
 */
public sealed class LanguageModelException extends RuntimeException {

    private final String provider;

    protected LanguageModelException(String provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }

    /** Whether the same call may succeed if tried again later. */
    public boolean retryable() {
        return false;
    }

    /** How long the provider asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The key is missing, invalid, expired or lacks permission: fail fast, never retry. */
    public static final class InvalidKey extends LanguageModelException {
        public InvalidKey(String provider, String message) {
            super(provider, message, null);
        }
    }

    /** Too many requests or tokens per minute: wait (honouring retry-after) and try again. */
    public static final class RateLimited extends LanguageModelException {
        private final Duration retryAfter;

        public RateLimited(String provider, String message, Duration retryAfter) {
            super(provider, message, null);
            this.retryAfter = retryAfter;
        }

        @Override
        public boolean retryable() {
            return true;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /**
     * The provider is overloaded, failed (5xx), timed out, or a stream broke: retry a bounded number
     * of times, after the wait the provider named ({@code retry-after} on a 503 or 529) if it did.
     */
    public static final class Unavailable extends LanguageModelException {
        private final Duration retryAfter;

        public Unavailable(String provider, String message, Throwable cause) {
            this(provider, message, cause, null);
        }

        public Unavailable(String provider, String message, Throwable cause, Duration retryAfter) {
            super(provider, message, cause);
            this.retryAfter = retryAfter;
        }

        @Override
        public boolean retryable() {
            return true;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The prompt does not fit the model's context window: retrying the same call cannot help. */
    public static final class ContextTooLong extends LanguageModelException {
        public ContextTooLong(String provider, String message) {
            super(provider, message, null);
        }
    }

    /** The model or provider refused the content. */
    public static final class Refused extends LanguageModelException {
        public Refused(String provider, String message) {
            super(provider, message, null);
        }
    }

    /** The request was malformed or the answer unreadable: a bug on one side, not worth retrying. */
    public static final class BadRequest extends LanguageModelException {
        public BadRequest(String provider, String message, Throwable cause) {
            super(provider, message, cause);
        }
    }
}
