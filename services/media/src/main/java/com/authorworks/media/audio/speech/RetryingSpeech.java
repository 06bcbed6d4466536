package com.authorworks.media.audio.speech;

import java.time.Duration;
import java.util.List;

import com.authorworks.engine.llm.ApiKey;

/**
 * Bounds every call of an engine: text longer than its limit is refused before anything is sent, a
 * retryable failure is tried again at most {@code attempts} times in all, waiting what a 429 asked for (at
 * most 10 s) or 0.5 s doubling, and never more than 30 s of waiting per call.
 */
public final class RetryingSpeech implements SpeechEngine {

    static final long MAX_RETRY_AFTER_MILLIS = 10_000;
    static final long MAX_TOTAL_WAIT_MILLIS = 30_000;

    private final SpeechEngine engine;
    private final int attempts;

    public RetryingSpeech(SpeechEngine engine, int attempts) {
        this.engine = engine;
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public int maxCharacters() {
        return engine.maxCharacters();
    }

    @Override
    public List<Voice> voices() {
        return engine.voices();
    }

    @Override
    public boolean prosodyByPitchAndRate() {
        return engine.prosodyByPitchAndRate();
    }

    @Override
    public Speech speak(Utterance utterance, ApiKey key) {
        if (utterance.text().length() > engine.maxCharacters()) {
            throw new SpeechException.BadRequest(engine.name() + " takes at most " + engine.maxCharacters()
                    + " characters per call; this text has " + utterance.text().length());
        }
        long waited = 0;
        long backoff = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                return engine.speak(utterance, key);
            } catch (SpeechException e) {
                if (!e.retryable() || attempt >= attempts) {
                    throw e;
                }
                long wait = e instanceof SpeechException.RateLimited limited && limited.retryAfterMillis() > 0
                        ? limited.retryAfterMillis() : backoff;
                if (wait > MAX_RETRY_AFTER_MILLIS || waited + wait > MAX_TOTAL_WAIT_MILLIS) {
                    throw e;
                }
                sleep(Duration.ofMillis(wait));
                waited += wait;
                backoff *= 2;
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException.Unavailable("interrupted");
        }
    }
}
