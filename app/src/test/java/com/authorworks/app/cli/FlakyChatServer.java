package com.authorworks.app.cli;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.sample.SampleLanguageModel;
import com.authorworks.engine.sample.SampleLanguageModelFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI Chat Completions server over real HTTP ({@code POST /v1/chat/completions}) whose answers
 * come from the offline sample writer, and which fails the requests it is told to the way providers
 * do: 429 with {@code retry-after}, 503, 500, and a body cut off in the middle.
 */
final class FlakyChatServer implements AutoCloseable {

    /** How the n-th request (counting from 1) is failed. */
    enum Fault { RATE_LIMITED, UNAVAILABLE, SERVER_ERROR, CUT_BODY }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<Integer, Fault> faults;
    private final SampleLanguageModel writer = new SampleLanguageModel(SampleLanguageModelFactory.SEED);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Fault> served = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> answered = new ConcurrentHashMap<>();

    FlakyChatServer(Map<Integer, Fault> faults) throws IOException {
        this.faults = Map.copyOf(faults);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    int requests() {
        return requests.get();
    }

    List<Fault> served() {
        return List.copyOf(served);
    }

    int answered() {
        return answered.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Fault fault = faults.get(requests.incrementAndGet());
            if (fault != null) {
                served.add(fault);
            }
            switch (fault) {
                case RATE_LIMITED -> error(exchange, 429, Map.of("retry-after", "1"), "rate_limit_exceeded",
                        "Rate limit reached for requests per minute. Please try again in 1s.");
                case UNAVAILABLE -> error(exchange, 503, Map.of("retry-after", "0"), "server_overloaded", "The server is overloaded.");
                case SERVER_ERROR -> error(exchange, 500, Map.of(), "server_error", "The server had an error while processing your request.");
                case CUT_BODY -> {
                    byte[] whole = answer(body);
                    int cut = whole.length / 2;
                    if (body.path("stream").asBoolean()) {
                        stream(exchange, whole, cut);
                    } else {
                        exchange.getResponseHeaders().set("content-type", "application/json");
                        exchange.sendResponseHeaders(200, whole.length);
                        // closing the exchange short of the declared length breaks the connection, as a dropped one does
                        exchange.getResponseBody().write(whole, 0, cut);
                        exchange.getResponseBody().flush();
                    }
                }
                case null -> {
                    byte[] whole = answer(body);
                    if (body.path("stream").asBoolean()) {
                        stream(exchange, whole, -1);
                    } else {
                        exchange.getResponseHeaders().set("content-type", "application/json");
                        exchange.sendResponseHeaders(200, whole.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(whole);
                        }
                    }
                    answered.merge(body.path("model").asString(), 1, Integer::sum);
                }
            }
        }
    }

    private byte[] answer(JsonNode body) {
        Completion completion = writer.complete(request(body));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", "chatcmpl-" + requests.get());
        answer.put("object", "chat.completion");
        answer.put("model", body.path("model").asString());
        ObjectNode choice = answer.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", completion.text());
        choice.put("finish_reason", "stop");
        answer.putObject("usage").put("prompt_tokens", completion.usage().inputTokens())
                .put("completion_tokens", completion.usage().outputTokens());
        return JSON.writeValueAsBytes(answer);
    }

    /**
     * Streams an answer as chat-completion chunks: its text in pieces, then the finish reason and usage,
     * then {@code [DONE]}; with {@code cut} at or above 0 the stream stops after the first piece, unfinished.
     */
    private static void stream(HttpExchange exchange, byte[] whole, int cut) throws IOException {
        JsonNode answer = JSON.readTree(whole);
        String text = answer.path("choices").path(0).path("message").path("content").asString();
        exchange.getResponseHeaders().set("content-type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int step = Math.max(1, text.length() / 4);
        for (int from = 0; from < text.length(); from += step) {
            ObjectNode chunk = JSON.createObjectNode().put("id", answer.path("id").asString()).put("object", "chat.completion.chunk")
                    .put("model", answer.path("model").asString());
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta")
                    .put("content", text.substring(from, Math.min(text.length(), from + step)));
            out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (cut >= 0) {
                out.close();
                return;
            }
        }
        ObjectNode last = JSON.createObjectNode().put("id", answer.path("id").asString()).put("object", "chat.completion.chunk")
                .put("model", answer.path("model").asString());
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        last.set("usage", answer.path("usage"));
        out.write(("data: " + JSON.writeValueAsString(last) + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        out.close();
    }

    /** The request as the engine made it, read back from the wire. */
    private static CompletionRequest request(JsonNode body) {
        String system = null;
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String content = message.path("content").asString();
            switch (message.path("role").asString()) {
                case "system" -> system = content;
                case "assistant" -> messages.add(Message.assistant(content));
                default -> messages.add(Message.user(content));
            }
        }
        JsonNode schema = body.path("response_format").path("json_schema");
        OutputFormat output = schema.isMissingNode() ? OutputFormat.text()
                : OutputFormat.json(schema.path("name").asString(), JSON.writeValueAsString(schema.path("schema")));
        return new CompletionRequest(body.path("model").asString(), system, messages, body.path("temperature").asDouble(0.7),
                body.path("max_tokens").asInt(4096), output, false, null, body.path("stream").asBoolean() ? piece -> { } : null);
    }

    private static void error(HttpExchange exchange, int status, Map<String, String> headers, String code, String message) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("content-type", "application/json");
        byte[] body = JSON.writeValueAsBytes(Map.of("error", Map.of("message", message, "type", code, "code", code)));
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
