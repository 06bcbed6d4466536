package com.authorworks.media.audio.speech;

/** A text-to-speech call that failed, by kind; the key never appears in the message. */
public abstract sealed class SpeechException extends RuntimeException {

    protected SpeechException(String message) {
        super(message);
    }

    /** Whether a later attempt may pass. */
    public abstract boolean retryable();

    /** 401/403: the key was refused (never retried). */
    public static final class InvalidKey extends SpeechException {
        public InvalidKey(String message) {
            super(message);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** 429: retried after {@code retryAfterMillis} (or backoff when unknown). */
    public static final class RateLimited extends SpeechException {
        private final long retryAfterMillis;

        public RateLimited(String message, long retryAfterMillis) {
            super(message);
            this.retryAfterMillis = retryAfterMillis;
        }

        public long retryAfterMillis() {
            return retryAfterMillis;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 5xx, timeouts, refused connections: retried with backoff. */
    public static final class Unavailable extends SpeechException {
        public Unavailable(String message) {
            super(message);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** Other 4xx (unknown voice, text too long, quota used up): never retried. */
    public static final class BadRequest extends SpeechException {
        public BadRequest(String message) {
            super(message);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }
}
