package com.authorworks.media.audio.speech;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.media.internal.MediaTools;

/**
 * The offline voice: espeak-ng on this machine (real, synthetic speech; no AI, no key), labelled as such
 * wherever its output appears. Voices are espeak-ng's variants of American English ({@code en-us+f3});
 * emotion is spoken as pitch (0–99) and rate (words per minute), espeak-ng's prosody controls. The text
 * goes in on stdin, never as an argument, so nothing in a book can become an option.
 */
public final class EspeakSpeech implements SpeechEngine {

    /** How every output of this voice is labelled. */
    public static final String LABEL = "offline voice (espeak-ng, synthetic)";

    private static final List<Voice> VOICES = List.of(
            new Voice("en-us+m3", "Offline voice: male 3 (narrator)", Gender.MALE, Age.ADULT),
            new Voice("en-us+f3", "Offline voice: female 3", Gender.FEMALE, Age.ADULT),
            new Voice("en-us+m1", "Offline voice: male 1", Gender.MALE, Age.ADULT),
            new Voice("en-us+f1", "Offline voice: female 1", Gender.FEMALE, Age.ADULT),
            new Voice("en-gb+m2", "Offline voice: British male 2", Gender.MALE, Age.ADULT),
            new Voice("en-gb+f2", "Offline voice: British female 2", Gender.FEMALE, Age.ADULT),
            new Voice("en-us+m7", "Offline voice: male 7 (deep)", Gender.MALE, Age.OLD),
            new Voice("en-us+f4", "Offline voice: female 4", Gender.FEMALE, Age.OLD),
            new Voice("en-us+f5", "Offline voice: female 5 (bright)", Gender.FEMALE, Age.YOUNG),
            new Voice("en-us+m4", "Offline voice: male 4", Gender.MALE, Age.YOUNG),
            new Voice("en-gb-scotland+m5", "Offline voice: Scottish male 5", Gender.MALE, Age.ADULT),
            new Voice("en-us+m6", "Offline voice: male 6", Gender.MALE, Age.ADULT));

    private final MediaTools tools;

    public EspeakSpeech(MediaTools tools) {
        this.tools = tools;
    }

    @Override
    public String name() {
        return ProviderCatalogue.OFFLINE_VOICE;
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
    public boolean prosodyByPitchAndRate() {
        return true;
    }

    @Override
    public Speech speak(Utterance utterance, ApiKey key) {
        String voice = VOICES.stream().map(Voice::id).filter(utterance.voice()::equals).findFirst().orElse(VOICES.get(0).id());
        int pitch = clamp(utterance.pitch() + utterance.emotion().pitchOffset(), 0, 99);
        int rate = clamp((int) Math.round(utterance.rate() * utterance.emotion().rateFactor()), 80, 400);
        List<String> arguments = new java.util.ArrayList<>(List.of("-v", voice, "-p", Integer.toString(pitch), "-s",
                Integer.toString(rate), "--stdout"));
        if (utterance.emotion() == Emotion.WHISPER) {
            arguments.addAll(List.of("-a", "60"));
        }
        try {
            byte[] wav = tools.runBytes(MediaTools.Tool.ESPEAK, arguments, utterance.text().getBytes(StandardCharsets.UTF_8));
            return new Speech(wav, "wav", utterance.text().length());
        } catch (MediaTools.ToolFailedException e) {
            throw new SpeechException.Unavailable(e.getMessage());
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
