package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Completion.FinishReason;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.LanguageModelException.BadRequest;
import com.authorworks.engine.llm.LanguageModelException.ContextTooLong;
import com.authorworks.engine.llm.LanguageModelException.Unavailable;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's chat API ({@code POST /api/chat}): streams newline-delimited JSON, takes the JSON schema
 * as {@code format}, and counts tokens as {@code prompt_eval_count} and {@code eval_count}. A key is
 * optional and sent as a bearer token (ollama.com, or a proxy in front of a local server).
 */
final class OllamaLanguageModel implements LanguageModel {

    static final String PROVIDER = "ollama";
    static final URI DEFAULT_BASE_URL = URI.create("http://localhost:11434");

    private final URI endpoint;
    private final URI modelList;
    private final ProviderHttp http;

    OllamaLanguageModel(URI baseUrl, Duration timeout) {
        this.endpoint = ProviderHttp.resolve(baseUrl == null ? DEFAULT_BASE_URL : baseUrl, "/api/chat");
        this.modelList = ProviderHttp.resolve(baseUrl == null ? DEFAULT_BASE_URL : baseUrl, "/api/tags");
        this.http = new ProviderHttp(PROVIDER, timeout);
    }

    /** The models pulled on the server ({@code GET {base}/api/tags}, the names of {@code models}), sorted. */
    java.util.List<String> models(ApiKey key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("authorization", "Bearer " + key.secret());
        return ProviderHttp.names(http.getJson(modelList, headers, key, this::failure, ProviderHttp.MAX_LISTING).path("models"), "name");
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        ApiKey key = request.key();
        Map<String, String> headers = key == null ? Map.of() : Map.of("authorization", "Bearer " + key.secret());
        var response = http.post(endpoint, headers, body(request), key, this::failure);
        Answer answer = new Answer(request);
        if (request.streaming()) {
            http.readLines(response, line -> answer.add(http.parseChunk(line), true, key));
            if (!answer.done) {
                throw http.streamEndedEarly();
            }
        } else {
            answer.add(http.readJson(response), false, key);
        }
        return answer.completion();
    }

    private ObjectNode body(CompletionRequest request) {
        ObjectNode body = http.object();
        body.put("model", request.model());
        http.chatMessages(body, request);
        // Ollama streams unless told not to.
        body.put("stream", request.streaming());
        if (request.output() instanceof OutputFormat.Json json) {
            body.set("format", http.schema(json));
        }
        ObjectNode options = body.putObject("options");
        options.put("temperature", request.temperature());
        options.put("num_predict", request.maxTokens());
        return body;
    }

    /** Ollama's error body: {@code {"error":"model 'x' not found"}}. */
    private LanguageModelException failure(int status, HttpHeaders headers, String body, ApiKey key) {
        JsonNode error = ProviderHttp.errorJson(body).path("error");
        String message = ProviderHttp.clean(error.isString() ? error.asString() : body, key);
        if (status == 404 && message.contains("not found")) {
            return new BadRequest(PROVIDER, "Ollama does not have this model (try `ollama pull`): " + message, null);
        }
        if (message.toLowerCase().contains("context length")) {
            return new ContextTooLong(PROVIDER, "The prompt does not fit the model's context window: " + message);
        }
        return ProviderHttp.byStatus(PROVIDER, status, headers, message);
    }

    private final class Answer {
        private final CompletionRequest request;
        private final StringBuilder text = new StringBuilder();
        private String model;
        private JsonNode last;
        private boolean done;

        Answer(CompletionRequest request) {
            this.request = request;
            this.model = request.model();
        }

        void add(JsonNode chunk, boolean streaming, ApiKey key) {
            if (chunk.has("error")) {
                throw new Unavailable(PROVIDER, "Ollama failed while answering: "
                        + ProviderHttp.clean(chunk.path("error").asString(""), key), null);
            }
            if (!chunk.has("message") && !chunk.has("done")) {
                throw new BadRequest(PROVIDER, "Ollama answered without a message", null);
            }
            model = chunk.path("model").asString(model);
            String piece = chunk.path("message").path("content").asString("");
            text.append(piece);
            if (streaming && !piece.isEmpty()) {
                request.onDelta().accept(piece);
            }
            if (chunk.path("done").asBoolean(false)) {
                done = true;
                last = chunk;
            }
        }

        Completion completion() {
            JsonNode counts = last == null ? ProviderHttp.JSON.missingNode() : last;
            FinishReason finish = switch (counts.path("done_reason").asString("")) {
                case "stop" -> FinishReason.STOP;
                case "length" -> FinishReason.MAX_TOKENS;
                default -> FinishReason.OTHER;
            };
            Usage usage = new Usage(counts.path("prompt_eval_count").asLong(0), counts.path("eval_count").asLong(0), 0, 0);
            return new Completion(text.toString(), usage, model, PROVIDER, finish);
        }
    }
}
