package com.authorworks.engine.llm.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Completion.FinishReason;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.Usage;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.ProviderSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class OllamaLanguageModelTests {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String MODEL = "llama3.2";

    static final String RESPONSE = """
            {"model":"llama3.2","created_at":"2026-11-22T04:40:00.000000Z",
             "message":{"role":"assistant","content":"The rain had stopped."},
             "done_reason":"stop","done":true,"total_duration":4883583458,"load_duration":1334875,
             "prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":7,"eval_duration":4535599000}""";

    LanguageModel ollama;

    @BeforeEach
    void setUp() {
        ollama = Calls.model("ollama", server.baseUrl());
    }

    @Test
    void listsThePulledModelsFromTags() {
        // the shape of Ollama's documented GET /api/tags answer
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/tags").willReturn(okJson("""
                {"models":[{"name":"qwen3:8b","model":"qwen3:8b","modified_at":"2026-10-02T10:00:00Z","size":5200000000,
                  "digest":"a1","details":{"format":"gguf","family":"qwen3","parameter_size":"8.2B","quantization_level":"Q4_K_M"}},
                 {"name":"llama3.2:latest","model":"llama3.2:latest","size":2019393189,"digest":"b2","details":{}},
                 {"name":"  ","model":""}]}""")));

        var models = LanguageModels.models(new ProviderSettings("ollama", URI.create(server.baseUrl()), null), null);

        assertThat(models).contains(List.of("llama3.2:latest", "qwen3:8b"));
        assertThat(Calls.sentHeader(server, "authorization")).isNull();
    }

    @Test
    void aListingLargerThanTheLimitIsRefusedNotRead() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/tags").willReturn(okJson(
                "{\"models\":[" + "{\"name\":\"m\"},".repeat(ProviderHttp.MAX_LISTING / 12) + "{\"name\":\"last\"}]}")));

        assertThatThrownBy(() -> LanguageModels.models(new ProviderSettings("ollama", URI.create(server.baseUrl()), null), null))
                .isInstanceOf(LanguageModelException.BadRequest.class).hasMessageContaining("more than 4096 KB");
    }

    @Test
    void asksForOneAnswerWithOptionsAndCountsEvaluatedTokens() {
        server.stubFor(post("/api/chat").willReturn(okJson(RESPONSE)));

        Completion completion = ollama.complete(Calls.text(MODEL, null));

        assertThat(Calls.sentHeader(server, "authorization")).isNull();
        JsonNode body = Calls.sentBody(server);
        assertThat(body.get("model").asString()).isEqualTo(MODEL);
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("system");
        assertThat(body.at("/messages/1/content").asString()).isEqualTo("Write one line.");
        assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.at("/options/num_predict").asInt()).isEqualTo(256);

        assertThat(completion.text()).isEqualTo("The rain had stopped.");
        assertThat(completion.provider()).isEqualTo("ollama");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(completion.usage()).isEqualTo(new Usage(26, 7, 0, 0));
    }

    @Test
    void structuredOutputSendsTheSchemaAsFormat() {
        server.stubFor(post("/api/chat").willReturn(okJson(RESPONSE.replace("The rain had stopped.",
                "{\\\"title\\\":\\\"Rain\\\",\\\"chapters\\\":[]}"))));

        Completion completion = ollama.complete(Calls.json(MODEL, null));

        assertThat(Calls.sentBody(server).get("format")).isEqualTo(ProviderHttp.JSON.readTree(Calls.SCHEMA));
        assertThat(ProviderHttp.JSON.readTree(completion.text()).get("title").asString()).isEqualTo("Rain");
    }

    @Test
    void streamsNewlineDelimitedChunks() {
        server.stubFor(post("/api/chat").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/x-ndjson").withBody("""
                        {"model":"llama3.2","created_at":"2026-11-22T04:40:00Z","message":{"role":"assistant","content":"The rain"},"done":false}
                        {"model":"llama3.2","created_at":"2026-11-22T04:40:01Z","message":{"role":"assistant","content":" stopped."},"done":false}
                        {"model":"llama3.2","created_at":"2026-11-22T04:40:02Z","message":{"role":"assistant","content":""},"done_reason":"length","done":true,"total_duration":1000,"prompt_eval_count":26,"eval_count":2}
                        """)));
        List<String> deltas = new ArrayList<>();

        Completion completion = ollama.complete(Calls.streamed(MODEL, null, deltas::add));

        assertThat(Calls.sentBody(server).get("stream").asBoolean()).isTrue();
        assertThat(deltas).containsExactly("The rain", " stopped.");
        assertThat(completion.text()).isEqualTo("The rain stopped.");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(completion.usage()).isEqualTo(new Usage(26, 2, 0, 0));
    }

    @Test
    void streamCutMidwayIsUnavailable() {
        server.stubFor(post("/api/chat").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/x-ndjson").withBody("""
                        {"model":"llama3.2","created_at":"2026-11-22T04:40:00Z","message":{"role":"assistant","content":"The rain"},"done":false}
                        {"model":"llama3.2","created_at":"2026-11-22T04:40:01Z","message":{"role":"ass""")));

        assertThatThrownBy(() -> ollama.complete(Calls.streamed(MODEL, null, delta -> { })))
                .isInstanceOf(LanguageModelException.Unavailable.class);
    }

    @Test
    void aStreamThatFallsSilentIsUnavailable() throws Exception {
        // WireMock can only delay a whole response, so a bare socket plays the server that sends
        // its headers and a first line, then goes quiet without closing the connection.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket connection = socket.accept()) {
                    connection.getOutputStream().write(("HTTP/1.1 200 OK\r\ncontent-type: application/x-ndjson\r\n"
                            + "transfer-encoding: chunked\r\n\r\n" + chunk("""
                            {"model":"llama3.2","message":{"role":"assistant","content":"The rain"},"done":false}
                            """)).getBytes(StandardCharsets.UTF_8));
                    connection.getOutputStream().flush();
                    connection.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException closedByTheClient) {
                    // the adapter hung up, as it should
                }
            });
            LanguageModel impatient = LanguageModels.create(new ProviderSettings("ollama",
                    URI.create("http://127.0.0.1:" + socket.getLocalPort()), Duration.ofMillis(300)));
            List<String> deltas = new ArrayList<>();

            assertThatThrownBy(() -> impatient.complete(Calls.streamed(MODEL, null, deltas::add)))
                    .isInstanceOf(LanguageModelException.Unavailable.class)
                    .hasMessageContaining("fell silent");
            assertThat(deltas).containsExactly("The rain");
        }
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }

    @Test
    void noAnswerWithinTheTimeoutIsUnavailable() {
        server.stubFor(post("/api/chat").willReturn(okJson(RESPONSE).withFixedDelay(5_000)));
        LanguageModel impatient = LanguageModels.create(
                new ProviderSettings("ollama", URI.create(server.baseUrl()), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.complete(Calls.text(MODEL, null)))
                .isInstanceOf(LanguageModelException.Unavailable.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void unknownModelIsBadRequestNamingThePullCommand() {
        server.stubFor(post("/api/chat").willReturn(aResponse().withStatus(404).withBody("""
                {"error":"model 'llama9' not found"}""")));

        assertThatThrownBy(() -> ollama.complete(Calls.text("llama9", null)))
                .isInstanceOf(LanguageModelException.BadRequest.class)
                .hasMessageContaining("ollama pull");
    }

    @Test
    void unreachableServerIsUnavailable() {
        LanguageModel nowhere = Calls.model("ollama", "http://127.0.0.1:9");

        assertThatThrownBy(() -> nowhere.complete(Calls.text(MODEL, null)))
                .isInstanceOf(LanguageModelException.Unavailable.class)
                .hasMessageContaining("127.0.0.1:9");
    }
}
