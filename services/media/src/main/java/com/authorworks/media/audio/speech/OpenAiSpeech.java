package com.authorworks.media.audio.speech;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.ProviderCatalogue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's speech endpoint, {@code POST {base}/v1/audio/speech} with {@code Authorization: Bearer} and
 * {@code {"model", "input", "voice", "response_format": "wav", "speed"}}; the answer is the audio itself.
 * Emotion goes as {@code instructions} to the models that read them ({@code gpt-4o-mini-tts}); every model
 * gets the rate as {@code speed} (0.25–4, 1 at 165 words per minute).
 */
public final class OpenAiSpeech extends RemoteSpeech {

    private static final List<Voice> VOICES = List.of(
            new Voice("alloy", "Alloy", Gender.NEUTRAL, Age.ADULT),
            new Voice("onyx", "Onyx (deep)", Gender.MALE, Age.OLD),
            new Voice("nova", "Nova (bright)", Gender.FEMALE, Age.YOUNG),
            new Voice("echo", "Echo", Gender.MALE, Age.ADULT),
            new Voice("shimmer", "Shimmer", Gender.FEMALE, Age.ADULT),
            new Voice("fable", "Fable (British)", Gender.MALE, Age.YOUNG),
            new Voice("coral", "Coral", Gender.FEMALE, Age.ADULT),
            new Voice("sage", "Sage", Gender.FEMALE, Age.OLD),
            new Voice("ash", "Ash", Gender.MALE, Age.ADULT),
            new Voice("ballad", "Ballad", Gender.MALE, Age.ADULT),
            new Voice("verse", "Verse", Gender.MALE, Age.YOUNG));

    private final URI base;
    private final String model;

    public OpenAiSpeech(URI base, String model, Duration timeout) {
        super(timeout);
        this.base = base;
        this.model = model == null ? ProviderCatalogue.findSpeech("openai").orElseThrow().defaultModel() : model;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public int maxCharacters() {
        return ProviderCatalogue.findSpeech(name()).orElseThrow().maxCharacters();
    }

    @Override
    public List<Voice> voices() {
        return VOICES;
    }

    @Override
    public Speech speak(Utterance utterance, ApiKey key) {
        if (key == null) {
            throw new SpeechException.InvalidKey("OpenAI TTS needs a key: store one (PUT /api/v1/provider-keys/openai) or set OPENAI_API_KEY");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("input", utterance.text());
        body.put("voice", VOICES.stream().map(Voice::id).filter(utterance.voice()::equals).findFirst().orElse("alloy"));
        body.put("response_format", "wav");
        double speed = Math.max(0.25, Math.min(4.0, utterance.rate() * utterance.emotion().rateFactor() / 165.0));
        body.put("speed", Math.round(speed * 100) / 100.0);
        if (model.startsWith("gpt-4o") && utterance.emotion() != Emotion.NEUTRAL) {
            body.put("instructions", "Speak in a " + utterance.emotion().name().toLowerCase(java.util.Locale.ROOT) + " tone.");
        }
        byte[] audio = post(base.resolve("/v1/audio/speech"), JSON.writeValueAsString(body), "Authorization", "Bearer " + key.secret());
        return new Speech(audio, "wav", utterance.text().length());
    }

    @Override
    String errorMessage(JsonNode error) {
        return text(error.path("error").path("message"));
    }
}
