package com.authorworks.media.audio.speech;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.authorworks.engine.llm.ApiKey;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The remote voices against a local server speaking their documented wire formats: OpenAI's
 * {@code POST /v1/audio/speech} and ElevenLabs' {@code POST /v1/text-to-speech/{voice_id}}, with their
 * authentication headers, request bodies, audio answers and error bodies; and the bounds every call has
 * (text per call, attempts, what is retried).
 */
class RemoteSpeechIntegrationTests {

    private static final byte[] AUDIO = {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E'};
    private static final ApiKey KEY = new ApiKey("sk-test-1234567890abcdef");

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI base() {
        return URI.create("http://localhost:" + server.port());
    }

    @Test
    void openAiIsAskedForWavInTheCastVoiceWithTheBearerKey() {
        server.stubFor(post(urlEqualTo("/v1/audio/speech"))
                .withHeader("Authorization", equalTo("Bearer " + KEY.secret()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"model\":\"tts-1\",\"input\":\"Hello there.\",\"voice\":\"nova\",\"response_format\":\"wav\","
                        + "\"speed\":1.0}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/wav").withBody(AUDIO)));
        SpeechEngine engine = new OpenAiSpeech(base(), null, Duration.ofSeconds(5));

        SpeechEngine.Speech speech = engine.speak(new SpeechEngine.Utterance("Hello there.", "nova", 50, 165, null), KEY);

        assertThat(speech.audio()).isEqualTo(AUDIO);
        assertThat(speech.format()).isEqualTo("wav");
        assertThat(speech.characters()).isEqualTo(12);
    }

    @Test
    void openAiGetsEmotionAsInstructionsOnlyOnModelsThatReadThem() {
        server.stubFor(post(urlEqualTo("/v1/audio/speech")).willReturn(aResponse().withStatus(200).withBody(AUDIO)));
        new OpenAiSpeech(base(), "gpt-4o-mini-tts", Duration.ofSeconds(5))
                .speak(new SpeechEngine.Utterance("No!", "onyx", 50, 165, SpeechEngine.Emotion.ANGRY), KEY);
        new OpenAiSpeech(base(), "tts-1", Duration.ofSeconds(5))
                .speak(new SpeechEngine.Utterance("No!", "onyx", 50, 165, SpeechEngine.Emotion.ANGRY), KEY);

        server.verify(1, postRequestedFor(urlEqualTo("/v1/audio/speech"))
                .withRequestBody(matchingJsonPath("$.instructions", equalTo("Speak in a angry tone.")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini-tts"))));
        server.verify(1, postRequestedFor(urlEqualTo("/v1/audio/speech"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("tts-1")))
                .withRequestBody(matchingJsonPath("$.speed", equalTo("1.12"))));
    }

    @Test
    void anInvalidOpenAiKeyIsNotRetriedAndItsTextIsNeverRepeated() {
        server.stubFor(post(urlEqualTo("/v1/audio/speech")).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-test-1234567890abcdef.\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"invalid_api_key\"}}")));
        SpeechEngine engine = new RetryingSpeech(new OpenAiSpeech(base(), null, Duration.ofSeconds(5)), 3);

        assertThatThrownBy(() -> engine.speak(new SpeechEngine.Utterance("Hi.", "alloy", 50, 165, null), KEY))
                .isInstanceOf(SpeechException.InvalidKey.class)
                .hasMessageContaining("Incorrect API key")
                .hasMessageNotContaining("1234567890abcdef");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/audio/speech")));
    }

    @Test
    void aRateLimitIsWaitedOutAsTheProviderAsksThenTheCallPasses() {
        server.stubFor(post(urlEqualTo("/v1/audio/speech")).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "0.2")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
                .willSetStateTo("open"));
        server.stubFor(post(urlEqualTo("/v1/audio/speech")).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody(AUDIO)));
        SpeechEngine engine = new RetryingSpeech(new OpenAiSpeech(base(), null, Duration.ofSeconds(5)), 3);

        assertThat(engine.speak(new SpeechEngine.Utterance("Hi.", "alloy", 50, 165, null), KEY).audio()).isEqualTo(AUDIO);
        server.verify(2, postRequestedFor(urlEqualTo("/v1/audio/speech")));
    }

    @Test
    void aServerThatKeepsFailingIsTriedAFixedNumberOfTimes() {
        server.stubFor(post(urlEqualTo("/v1/audio/speech")).willReturn(aResponse().withStatus(503)
                .withBody("{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}")));
        SpeechEngine engine = new RetryingSpeech(new OpenAiSpeech(base(), null, Duration.ofSeconds(5)), 3);

        assertThatThrownBy(() -> engine.speak(new SpeechEngine.Utterance("Hi.", "alloy", 50, 165, null), KEY))
                .isInstanceOf(SpeechException.Unavailable.class).hasMessageContaining("overloaded");
        server.verify(3, postRequestedFor(urlEqualTo("/v1/audio/speech")));
    }

    @Test
    void aSlowServerFailsAfterTheCallTimeout() {
        server.stubFor(post(urlEqualTo("/v1/audio/speech")).willReturn(aResponse().withStatus(200).withBody(AUDIO).withFixedDelay(3_000)));
        SpeechEngine engine = new OpenAiSpeech(base(), null, Duration.ofMillis(300));

        assertThatThrownBy(() -> engine.speak(new SpeechEngine.Utterance("Hi.", "alloy", 50, 165, null), KEY))
                .isInstanceOf(SpeechException.Unavailable.class).hasMessageContaining("did not answer");
    }

    @Test
    void textLongerThanOneCallTakesIsRefusedBeforeAnythingIsSent() {
        SpeechEngine engine = new RetryingSpeech(new OpenAiSpeech(base(), null, Duration.ofSeconds(5)), 3);

        assertThatThrownBy(() -> engine.speak(new SpeechEngine.Utterance("a".repeat(4_097), "alloy", 50, 165, null), KEY))
                .isInstanceOf(SpeechException.BadRequest.class).hasMessageContaining("4096");
        server.verify(0, postRequestedFor(urlEqualTo("/v1/audio/speech")));
    }

    @Test
    void elevenLabsIsAskedForPcmInTheVoiceOfThePathWithItsKeyHeader() {
        server.stubFor(post(urlPathEqualTo("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM"))
                .withQueryParam("output_format", equalTo("pcm_44100"))
                .withHeader("xi-api-key", equalTo(KEY.secret()))
                .withRequestBody(matchingJsonPath("$.text", equalTo("She ran.")))
                .withRequestBody(matchingJsonPath("$.model_id", equalTo("eleven_multilingual_v2")))
                .withRequestBody(matchingJsonPath("$.voice_settings.stability", equalTo("0.3")))
                .withRequestBody(matchingJsonPath("$.voice_settings.style", equalTo("0.6")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/pcm").withBody(AUDIO)));
        SpeechEngine engine = new ElevenLabsSpeech(base(), null, Duration.ofSeconds(5));

        SpeechEngine.Speech speech = engine.speak(new SpeechEngine.Utterance("She ran.", "21m00Tcm4TlvDq8ikWAM", 50, 165,
                SpeechEngine.Emotion.AFRAID), KEY);

        assertThat(speech.audio()).isEqualTo(AUDIO);
        assertThat(speech.format()).isEqualTo("pcm_s16le_44100");
    }

    @Test
    void elevenLabsErrorsAreTypedFromTheirDetail() {
        server.stubFor(post(urlPathEqualTo("/v1/text-to-speech/pNInz6obpgDQGcFmaJgB")).willReturn(aResponse().withStatus(401)
                .withBody("{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}")));
        server.stubFor(post(urlPathEqualTo("/v1/text-to-speech/ErXwobaYiN019PkySvjV")).willReturn(aResponse().withStatus(422)
                .withBody("{\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}")));
        SpeechEngine engine = new RetryingSpeech(new ElevenLabsSpeech(base(), null, Duration.ofSeconds(5)), 3);

        assertThatThrownBy(() -> engine.speak(new SpeechEngine.Utterance("Hi.", "pNInz6obpgDQGcFmaJgB", 50, 165, null), KEY))
                .isInstanceOf(SpeechException.InvalidKey.class).hasMessageContaining("invalid_api_key: Invalid API key");
        assertThatThrownBy(() -> engine.speak(new SpeechEngine.Utterance("Hi.", "ErXwobaYiN019PkySvjV", 50, 165, null), KEY))
                .isInstanceOf(SpeechException.BadRequest.class).hasMessageContaining("field required");
        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/text-to-speech/pNInz6obpgDQGcFmaJgB")));
    }

    @Test
    void withoutAKeyNothingIsSent() {
        assertThatThrownBy(() -> new ElevenLabsSpeech(base(), null, Duration.ofSeconds(5))
                .speak(new SpeechEngine.Utterance("Hi.", "pNInz6obpgDQGcFmaJgB", 50, 165, null), null))
                .isInstanceOf(SpeechException.InvalidKey.class).hasMessageContaining("ELEVENLABS_API_KEY");
        assertThatThrownBy(() -> new OpenAiSpeech(base(), null, Duration.ofSeconds(5))
                .speak(new SpeechEngine.Utterance("Hi.", "alloy", 50, 165, null), null))
                .isInstanceOf(SpeechException.InvalidKey.class).hasMessageContaining("OPENAI_API_KEY");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
