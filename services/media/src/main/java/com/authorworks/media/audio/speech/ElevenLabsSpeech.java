package com.authorworks.media.audio.speech;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.ProviderCatalogue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ElevenLabs' {@code POST {base}/v1/text-to-speech/{voice_id}?output_format=pcm_44100} with {@code xi-api-key}
 * and {@code {"text", "model_id", "voice_settings": {"stability", "similarity_boost", "style", "speed"}}}; the
 * answer is raw 16-bit PCM at 44.1 kHz. Emotion lowers stability and raises style (more expressive), as
 * ElevenLabs documents them; the premade voices are offered for casting.
 */
public final class ElevenLabsSpeech extends RemoteSpeech {

    private static final List<Voice> VOICES = List.of(
            new Voice("pNInz6obpgDQGcFmaJgB", "Adam", Gender.MALE, Age.ADULT),
            new Voice("21m00Tcm4TlvDq8ikWAM", "Rachel", Gender.FEMALE, Age.ADULT),
            new Voice("ErXwobaYiN019PkySvjV", "Antoni", Gender.MALE, Age.YOUNG),
            new Voice("MF3mGyEYCl7XYWbV9V6O", "Elli", Gender.FEMALE, Age.YOUNG),
            new Voice("VR6AewLTigWG4xSOukaG", "Arnold", Gender.MALE, Age.OLD),
            new Voice("AZnzlk1XvdvUeBnXmlld", "Domi", Gender.FEMALE, Age.ADULT),
            new Voice("TxGEqnHWrfWFTfGW9XjX", "Josh", Gender.MALE, Age.YOUNG),
            new Voice("EXAVITQu4vr4xnSDxMaL", "Sarah", Gender.FEMALE, Age.ADULT),
            new Voice("yoZ06aMxZJJ28mfd3POQ", "Sam", Gender.MALE, Age.ADULT));

    private final URI base;
    private final String model;

    public ElevenLabsSpeech(URI base, String model, Duration timeout) {
        super(timeout);
        this.base = base;
        this.model = model == null ? ProviderCatalogue.findSpeech("elevenlabs").orElseThrow().defaultModel() : model;
    }

    @Override
    public String name() {
        return "elevenlabs";
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
            throw new SpeechException.InvalidKey(
                    "ElevenLabs needs a key: store one (PUT /api/v1/provider-keys/elevenlabs) or set ELEVENLABS_API_KEY");
        }
        String voice = VOICES.stream().map(Voice::id).filter(utterance.voice()::equals).findFirst().orElse(VOICES.get(0).id());
        boolean expressive = utterance.emotion() != Emotion.NEUTRAL;
        ObjectNode body = JSON.createObjectNode();
        body.put("text", utterance.text());
        body.put("model_id", model);
        ObjectNode settings = body.putObject("voice_settings");
        settings.put("stability", expressive ? 0.3 : 0.5);
        settings.put("similarity_boost", 0.75);
        settings.put("style", expressive ? 0.6 : 0.0);
        double speed = Math.max(0.7, Math.min(1.2, utterance.rate() * utterance.emotion().rateFactor() / 165.0));
        settings.put("speed", Math.round(speed * 100) / 100.0);
        byte[] audio = post(base.resolve("/v1/text-to-speech/" + voice + "?output_format=pcm_44100"), JSON.writeValueAsString(body),
                "xi-api-key", key.secret(), "Accept", "audio/pcm");
        return new Speech(audio, "pcm_s16le_44100", utterance.text().length());
    }

    /** {@code {"detail": {"status": "invalid_api_key", "message": "…"}}}, or a plain {@code detail} string (422). */
    @Override
    String errorMessage(JsonNode error) {
        JsonNode detail = error.path("detail");
        if (detail.isObject()) {
            String status = text(detail.path("status"));
            String message = text(detail.path("message"));
            return status == null ? message : status + ": " + message;
        }
        if (detail.isArray() && !detail.isEmpty()) {
            return text(detail.get(0).path("msg"));
        }
        return text(detail);
    }
}
