package com.authorworks.media.audio.speech;

import java.util.List;

import com.authorworks.engine.llm.ApiKey;

/**
 * The text-to-speech port: one call speaks one piece of text (at most {@link #maxCharacters()}) in one voice.
 * Adapters never retry ({@link RetryingSpeech} does, boundedly) and throw {@link SpeechException}s.
 */
public interface SpeechEngine {

    /** As the provider catalogue names it ({@code espeak-ng}, {@code openai}, {@code elevenlabs}). */
    String name();

    /** The longest text one call may carry. */
    int maxCharacters();

    /** The voices it offers, for casting. */
    List<Voice> voices();

    /** Whether it reads emotion as pitch and rate (espeak-ng) rather than as the provider's own style controls. */
    default boolean prosodyByPitchAndRate() {
        return false;
    }

    Speech speak(Utterance utterance, ApiKey key);

    /** A voice as the engine names it, with what casting reads from it. */
    record Voice(String id, String label, Gender gender, Age age) {
    }

    enum Gender { FEMALE, MALE, NEUTRAL }

    enum Age { CHILD, YOUNG, ADULT, OLD }

    /**
     * What to say and how: {@code pitch} 0–99 and {@code rate} in words per minute are espeak-ng's own scales
     * (other engines map them: OpenAI's speed, ElevenLabs' speed), {@code emotion} one of {@link Emotion}.
     */
    record Utterance(String text, String voice, int pitch, int rate, Emotion emotion) {

        public Utterance {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("nothing to say");
            }
            emotion = emotion == null ? Emotion.NEUTRAL : emotion;
        }
    }

    /** The emotions dialogue attribution marks. */
    enum Emotion {
        NEUTRAL, HAPPY, SAD, ANGRY, AFRAID, EXCITED, WHISPER;

        /** espeak-ng's pitch offset for it (its prosody controls are pitch and rate). */
        public int pitchOffset() {
            return switch (this) {
                case HAPPY -> 8;
                case SAD -> -8;
                case ANGRY -> 5;
                case AFRAID -> 12;
                case EXCITED -> 15;
                case WHISPER -> -5;
                case NEUTRAL -> 0;
            };
        }

        /** espeak-ng's rate factor for it. */
        public double rateFactor() {
            return switch (this) {
                case HAPPY -> 1.05;
                case SAD -> 0.85;
                case ANGRY -> 1.12;
                case AFRAID -> 1.18;
                case EXCITED -> 1.15;
                case WHISPER -> 0.9;
                case NEUTRAL -> 1.0;
            };
        }
    }

    /**
     * Audio as the engine made it: {@code format} is {@code wav}, {@code mp3} or {@code pcm_s16le_44100}
     * (raw 16-bit mono at 44.1 kHz); the renderer converts every one with ffmpeg.
     */
    record Speech(byte[] audio, String format, int characters) {
    }
}
