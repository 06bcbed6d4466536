package com.authorworks.media.audio.speech;

import java.util.List;
import java.util.Optional;

import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.media.internal.MediaProperties;
import com.authorworks.media.internal.MediaTools;

/** The engines of the provider catalogue's speech list, each bounded by {@link RetryingSpeech}. */
public final class SpeechEngines {

    private final List<SpeechEngine> engines;

    public SpeechEngines(MediaTools tools, MediaProperties properties) {
        this.engines = List.of(
                new RetryingSpeech(new EspeakSpeech(tools), 2),
                new RetryingSpeech(new OpenAiSpeech(properties.openaiBaseUrl(), null, properties.speechTimeout()), properties.speechAttempts()),
                new RetryingSpeech(new ElevenLabsSpeech(properties.elevenlabsBaseUrl(), null, properties.speechTimeout()),
                        properties.speechAttempts()));
        for (SpeechEngine engine : engines) {
            ProviderCatalogue.findSpeech(engine.name()).orElseThrow();
        }
    }

    public Optional<SpeechEngine> find(String name) {
        return engines.stream().filter(e -> e.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    public List<SpeechEngine> all() {
        return engines;
    }
}
