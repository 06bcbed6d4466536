package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import tools.jackson.databind.JsonNode;

/** A user's own model server (OpenAI-compatible, Ollama): its address per user, its model list, a test call, and books written through it. */
class ProviderEndpointsIntegrationTests extends ContentIntegrationTest {

    /** A user's own server on this machine, answering as llama.cpp, vLLM and Ollama document their APIs. */
    static final WireMockServer OWN = start();

    static final String MODELS = """
            {"object":"list","data":[{"id":"qwen2.5-7b-instruct","object":"model","owned_by":"vllm"},
             {"id":"llama-3.1-8b-instruct","object":"model","owned_by":"vllm"}]}""";
    static final String ANSWER = """
            {"id":"chatcmpl-1","object":"chat.completion","model":"llama-3.1-8b-instruct",
             "choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}""";

    @AfterEach
    void forgetStubs() {
        OWN.resetAll();
    }

    @AfterAll
    static void stop() {
        OWN.stop();
    }

    @Test
    void aUsersOwnCompatibleServerIsListedTestedAndWritesTheirBooksButNobodyElses() {
        Api author = newUser();
        OWN.stubFor(get("/v1/models").willReturn(okJson(MODELS)));
        OWN.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));

        JsonNode saved = ok(author.put("/api/v1/provider-endpoints/openai-compatible", json(Map.of("baseUrl", OWN.baseUrl() + "/v1/"))), 200);
        assertThat(saved.path("baseUrl").asString()).as("the trailing slash is dropped").isEqualTo(OWN.baseUrl() + "/v1");
        ok(author.put("/api/v1/provider-keys/openai-compatible", json(Map.of("key", "sk-or-v1-own-router-key"))), 200);

        JsonNode models = ok(author.get("/api/v1/provider-endpoints/openai-compatible/models"), 200);
        assertThat(models.path("models").toString()).isEqualTo("[\"llama-3.1-8b-instruct\",\"qwen2.5-7b-instruct\"]");
        OWN.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("authorization", equalTo("Bearer sk-or-v1-own-router-key")));

        JsonNode tested = ok(author.post("/api/v1/provider-endpoints/openai-compatible/test", ""), 200);
        assertThat(tested.path("ok").asBoolean()).as(tested.toString()).isTrue();
        assertThat(tested.path("model").asString()).isEqualTo("llama-3.1-8b-instruct");
        OWN.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo("llama-3.1-8b-instruct")))
                .withHeader("authorization", equalTo("Bearer sk-or-v1-own-router-key")));

        JsonNode compatible = find(ok(author.get("/api/v1/providers"), 200), "openai-compatible");
        assertThat(compatible.path("configured").asBoolean()).isTrue();
        assertThat(compatible.path("needsAddress").asBoolean()).isTrue();
        assertThat(compatible.path("takesKey").asBoolean()).isTrue();
        assertThat(compatible.path("address").asString()).isEqualTo(OWN.baseUrl() + "/v1");

        // the book is planned through the author's server: its refusal of the model is the job's failure
        OWN.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(404).withHeader("content-type", "application/json")
                .withBody("{\"error\":{\"message\":\"The model `no-such-model` does not exist\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}")));
        var book = Map.<String, Object>of("title", "Own server", "braindump", "A story.", "format", "short-story", "targetWords", 3000,
                "chapters", 2, "provider", "openai-compatible", "model", "no-such-model");
        String id = ok(author.post("/api/v1/books/generate", json(book)), 202).path("bookId").asString();
        JsonNode failed = Eventually.until("the job to fail", () -> GenerationIntegrationTests.status(author, id),
                s -> s.path("state").asString().equals("FAILED"));
        assertThat(failed.path("error").asString()).contains("openai-compatible").contains("does not exist");
        OWN.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo("no-such-model"))));

        Api other = newUser();
        assertThat(find(ok(other.get("/api/v1/providers"), 200), "openai-compatible").path("configured").asBoolean()).isFalse();
        problem(other.get("/api/v1/provider-endpoints/openai-compatible"), 404, "provider-endpoint-not-found");
        JsonNode theirs = ok(other.post("/api/v1/provider-endpoints/openai-compatible/test", ""), 200);
        assertThat(theirs.path("ok").asBoolean()).isFalse();
        assertThat(theirs.path("message").asString()).contains("address");

        ok(author.delete("/api/v1/provider-endpoints/openai-compatible"), 204);
        problem(author.get("/api/v1/provider-endpoints/openai-compatible"), 404, "provider-endpoint-not-found");
    }

    @Test
    void anOllamaServerListsItsPulledModelsAndOneThatIsDownIsABadGateway() {
        Api author = newUser();
        OWN.stubFor(get("/api/tags").willReturn(okJson("""
                {"models":[{"name":"qwen3:8b","model":"qwen3:8b","size":5200000000,"digest":"a1","details":{"family":"qwen3"}}]}""")));
        ok(author.put("/api/v1/provider-endpoints/ollama", json(Map.of("baseUrl", OWN.baseUrl()))), 200);

        assertThat(ok(author.get("/api/v1/provider-endpoints/ollama/models"), 200).path("models").toString()).isEqualTo("[\"qwen3:8b\"]");

        OWN.stubFor(get("/api/tags").willReturn(aResponse().withStatus(503)));
        problem(author.get("/api/v1/provider-endpoints/ollama/models"), 502, "provider-unreachable");
    }

    @Test
    void addressesThatAreNotAnApisBaseUrlOrPointAtCloudMetadataAreRefused() {
        Api author = newUser();
        String path = "/api/v1/provider-endpoints/openai-compatible";
        problem(author.put(path, json(Map.of("baseUrl", "ftp://models.example/v1"))), 400, "invalid-provider-address");
        problem(author.put(path, json(Map.of("baseUrl", "not a url"))), 400, "invalid-provider-address");
        problem(author.put(path, json(Map.of("baseUrl", "http://user:secret@localhost:8080/v1"))), 400, "invalid-provider-address");
        problem(author.put(path, json(Map.of("baseUrl", "http://localhost:8080/v1?key=1"))), 400, "invalid-provider-address");
        problem(author.put(path, json(Map.of("baseUrl", "http://169.254.169.254/latest/meta-data"))), 400, "provider-address-refused");
        problem(author.put(path, json(Map.of("baseUrl", "http://[fe80::1]:8080/v1"))), 400, "provider-address-refused");
        problem(author.put(path, json(Map.of("baseUrl", "http://no-such-host.invalid/v1"))), 400, "provider-address-unresolvable");
        problem(author.put("/api/v1/provider-endpoints/anthropic", json(Map.of("baseUrl", "http://localhost:1"))), 404, "provider-not-found");
        problem(author.post(path + "/test?model=" + "m".repeat(201), ""), 400, "invalid-model");
        assertThat(ok(author.get("/api/v1/provider-endpoints"), 200).size()).as("nothing was stored").isZero();
    }

    private static JsonNode find(JsonNode providers, String name) {
        for (JsonNode provider : providers) {
            if (provider.path("name").asString().equals(name)) {
                return provider;
            }
        }
        throw new AssertionError("no " + name + " in " + providers);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        return server;
    }
}
