package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.ProviderSettings;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Requests and wire helpers the adapter tests share. */
final class Calls {

    static final String SCHEMA = """
            {"type":"object","properties":{"title":{"type":"string"},"chapters":{"type":"array","items":{"type":"string"}}},\
            "required":["title","chapters"],"additionalProperties":false}""";

    private Calls() {
    }

    static LanguageModel model(String provider, String baseUrl) {
        return LanguageModels.create(new ProviderSettings(provider, URI.create(baseUrl), Duration.ofSeconds(5)));
    }

    static CompletionRequest text(String model, ApiKey key) {
        return new CompletionRequest(model, "You are a careful novelist.", List.of(Message.user("Write one line.")),
                0.7, 256, OutputFormat.text(), false, key, null);
    }

    static CompletionRequest cached(String model, ApiKey key) {
        return new CompletionRequest(model, "You are a careful novelist.", List.of(Message.user("Write one line.")),
                0.7, 256, OutputFormat.text(), true, key, null);
    }

    static CompletionRequest json(String model, ApiKey key) {
        return new CompletionRequest(model, "Plan the book.", List.of(Message.user("Outline a short story.")),
                0.2, 512, OutputFormat.json("outline", SCHEMA), false, key, null);
    }

    static CompletionRequest streamed(String model, ApiKey key, Consumer<String> onDelta) {
        return new CompletionRequest(model, "You are a careful novelist.", List.of(Message.user("Write one line.")),
                0.7, 256, OutputFormat.text(), false, key, onDelta);
    }

    /** The requests the server received, oldest first. */
    static List<ServeEvent> received(WireMockExtension server) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events;
    }

    static JsonNode sentBody(WireMockExtension server) {
        List<ServeEvent> events = received(server);
        return ProviderHttp.JSON.readTree(events.getLast().getRequest().getBodyAsString());
    }

    static String sentHeader(WireMockExtension server, String name) {
        return received(server).getLast().getRequest().getHeader(name);
    }

    /** A retrying model whose waits are recorded, not slept. */
    static RetryingLanguageModel retrying(LanguageModel model, List<Duration> waits) {
        return new RetryingLanguageModel(model, RetryingLanguageModel.Policy.DEFAULT, waits::add, () -> 0.5);
    }

    /** Server-sent events, each given as its data line, with Anthropic's event names when it has them. */
    static String sse(String... data) {
        StringBuilder body = new StringBuilder();
        for (String line : data) {
            JsonNode node = ProviderHttp.JSON.readTree(line);
            if (node.has("type") && !node.has("candidates")) {
                body.append("event: ").append(node.get("type").asString()).append('\n');
            }
            body.append("data: ").append(line).append("\n\n");
        }
        return body.toString();
    }
}
