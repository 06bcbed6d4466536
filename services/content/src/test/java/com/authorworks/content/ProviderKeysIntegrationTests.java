package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class ProviderKeysIntegrationTests extends ContentIntegrationTest {

    static final String MESSAGE = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
             "content":[{"type":"text","text":"OK"}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}""";
    static final String REFUSED = """
            {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""";

    @Autowired
    JdbcClient db;

    @AfterEach
    void forgetStubs() {
        ANTHROPIC.resetAll();
    }

    @Test
    void aStoredKeyIsEncryptedNeverShownAndOnlyItsLastFourAppear(CapturedOutput output) throws Exception {
        Api author = newUser();
        String secret = "sk-ant-api03-" + java.util.UUID.randomUUID() + "-Zq7x";
        JsonNode stored = ok(author.put("/api/v1/provider-keys/anthropic", json(Map.of("key", secret))), 200);
        assertThat(stored.path("lastFour").asString()).isEqualTo("Zq7x");

        var responses = new java.util.ArrayList<String>();
        responses.add(author.put("/api/v1/provider-keys/anthropic", json(Map.of("key", secret))).body());
        responses.add(author.get("/api/v1/provider-keys/anthropic").body());
        responses.add(author.get("/api/v1/provider-keys").body());
        ANTHROPIC.stubFor(post("/v1/messages").willReturn(okJson(MESSAGE)));
        var tested = author.post("/api/v1/provider-keys/anthropic/test", "");
        responses.add(tested.body());
        assertThat(ok(tested, 200).path("ok").asBoolean()).isTrue();
        ANTHROPIC.verify(postRequestedFor(urlEqualTo("/v1/messages")).withHeader("x-api-key", equalTo(secret)));

        assertThat(responses).noneMatch(body -> body.contains(secret) || body.contains(secret.substring(13, 30)));
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(secret.substring(13, 30));
        byte[] atRest = db.sql("SELECT ciphertext FROM content.provider_keys WHERE user_id = :user")
                .param("user", author.user).query(byte[].class).single();
        assertThat(new String(atRest, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(13, 30));
        var keyFile = DATA.resolve("keys/master.key");
        assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        Api other = newUser();
        problem(other.get("/api/v1/provider-keys/anthropic"), 404, "provider-key-not-found");
        ok(author.delete("/api/v1/provider-keys/anthropic"), 204);
        problem(author.get("/api/v1/provider-keys/anthropic"), 404, "provider-key-not-found");
    }

    @Test
    void aRefusedKeyIsReportedByTheTestAndFailsTheJobWithAMessageSayingSo() {
        Api author = newUser();
        ok(author.put("/api/v1/provider-keys/anthropic", json(Map.of("key", "sk-ant-expired-key-0000"))), 200);
        ANTHROPIC.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(REFUSED)));

        JsonNode tested = ok(author.post("/api/v1/provider-keys/anthropic/test", ""), 200);
        assertThat(tested.path("ok").asBoolean()).isFalse();
        assertThat(tested.path("message").asString()).contains("refused");

        var book = Map.<String, Object>of("title", "Keyless", "braindump", "A story.", "format", "short-story", "targetWords", 3000,
                "chapters", 2, "provider", "anthropic");
        String id = ok(author.post("/api/v1/books/generate", json(book)), 202).path("bookId").asString();
        JsonNode failed = Eventually.until("the job to fail", () -> GenerationIntegrationTests.status(author, id),
                s -> s.path("state").asString().equals("FAILED"));
        assertThat(failed.path("error").asString()).contains("API key").contains("refused");
        assertThat(ok(author.get("/api/v1/books/" + id), 200).path("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void aKeyTestWaitsOutAnOverloadedProviderOnceAndAsksTheCheapestModel() {
        Api author = newUser();
        ok(author.put("/api/v1/provider-keys/anthropic", json(Map.of("key", "sk-ant-api03-busy-key-7777"))), 200);
        ANTHROPIC.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(529).withHeader("retry-after", "1").withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        ANTHROPIC.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson(MESSAGE)));

        JsonNode tested = ok(author.post("/api/v1/provider-keys/anthropic/test", ""), 200);

        assertThat(tested.path("ok").asBoolean()).as(tested.toString()).isTrue();
        ANTHROPIC.verify(2, postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(matchingJsonPath("$.model", equalTo("claude-haiku-4-5"))));
    }

    @Test
    void theProviderCatalogueIsServedForTheWebApp() {
        Api author = newUser();

        JsonNode providers = ok(author.get("/api/v1/providers"), 200);

        assertThat(providers.get(0).path("name").asString()).isEqualTo("sample");
        assertThat(providers.get(0).path("needsKey").asBoolean()).isFalse();
        assertThat(providers.get(0).path("free").asBoolean()).isTrue();
        JsonNode anthropic = find(providers, "anthropic");
        assertThat(anthropic.path("label").asString()).isEqualTo("Anthropic Claude");
        assertThat(anthropic.path("needsKey").asBoolean()).isTrue();
        assertThat(anthropic.path("defaultModel").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(anthropic.path("summaryModel").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(anthropic.path("configured").asBoolean()).isTrue();
        JsonNode compatible = find(providers, "openai-compatible");
        assertThat(compatible.path("needsModel").asBoolean()).isTrue();
        assertThat(compatible.path("configured").asBoolean()).as("no address is configured for it here").isFalse();
        assertThat(providers.toString()).doesNotContain("API_KEY");
        var anonymous = author.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/providers")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode providers, String name) {
        for (JsonNode provider : providers) {
            if (provider.path("name").asString().equals(name)) {
                return provider;
            }
        }
        throw new AssertionError("no " + name + " in " + providers);
    }

    /** Voice providers (media's audiobooks) come from the same catalogue and keep their keys in the same vault. */
    @Test
    void aVoiceProvidersKeyIsStoredLikeAnyOtherAndItsTestSaysWhereItIsTried() {
        Api author = newUser();
        JsonNode stored = ok(author.put("/api/v1/provider-keys/elevenlabs", json(Map.of("key", "xi-voice-key-9876"))), 200);
        assertThat(stored.path("provider").asString()).isEqualTo("elevenlabs");
        assertThat(stored.path("lastFour").asString()).isEqualTo("9876");
        JsonNode test = ok(author.post("/api/v1/provider-keys/elevenlabs/test", ""), 200);
        assertThat(test.path("ok").asBoolean()).isFalse();
        assertThat(test.path("message").asString()).contains("voice sample");
        JsonNode refused = problem(author.put("/api/v1/provider-keys/acme", json(Map.of("key", "whatever-123"))), 404, "provider-not-found");
        assertThat(refused.path("detail").asString()).contains("elevenlabs").contains("anthropic");
    }

    @Test
    void badKeyRequestsAreProblems() {
        Api author = newUser();
        problem(author.put("/api/v1/provider-keys/acme", json(Map.of("key", "whatever-123"))), 404, "provider-not-found");
        problem(author.put("/api/v1/provider-keys/openai", json(Map.of("key", "short"))), 400, "validation-failed");
        problem(author.post("/api/v1/provider-keys/openai/test", ""), 404, "provider-key-not-found");
        problem(author.post("/api/v1/books/generate", json(Map.of("title", "T", "braindump", "b", "provider", "openai"))), 400,
                "provider-key-missing");
    }
}
