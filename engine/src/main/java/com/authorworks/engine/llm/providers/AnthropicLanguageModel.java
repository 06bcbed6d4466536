package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Completion.FinishReason;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.LanguageModelException.ContextTooLong;
import com.authorworks.engine.llm.LanguageModelException.InvalidKey;
import com.authorworks.engine.llm.LanguageModelException.RateLimited;
import com.authorworks.engine.llm.LanguageModelException.Refused;
import com.authorworks.engine.llm.LanguageModelException.Unavailable;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}). Structured output is a forced tool call
 * whose input schema is the requested JSON schema; {@code cachePrefix} marks the system block with
 * {@code cache_control} so repeated calls read it from the prompt cache.
 */
final class AnthropicLanguageModel implements LanguageModel {

    static final String PROVIDER = "anthropic";
    static final URI DEFAULT_BASE_URL = URI.create("https://api.anthropic.com");
    static final String API_VERSION = "2023-06-01";

    private final URI endpoint;
    private final ProviderHttp http;

    AnthropicLanguageModel(URI baseUrl, Duration timeout) {
        this.endpoint = ProviderHttp.resolve(baseUrl == null ? DEFAULT_BASE_URL : baseUrl, "/v1/messages");
        this.http = new ProviderHttp(PROVIDER, timeout);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        ApiKey key = request.key();
        if (key == null) {
            throw new InvalidKey(PROVIDER, "No Anthropic API key was given (set ANTHROPIC_API_KEY).");
        }
        var headers = Map.of("x-api-key", key.secret(), "anthropic-version", API_VERSION);
        var response = http.post(endpoint, headers, body(request), key, this::failure);
        Answer answer = new Answer(request);
        if (request.streaming()) {
            http.readEvents(response, data -> answer.event(http.parseChunk(data), key));
            if (!answer.stopped) {
                throw http.streamEndedEarly();
            }
        } else {
            answer.message(http.readJson(response));
        }
        return answer.completion();
    }

    private ObjectNode body(CompletionRequest request) {
        ObjectNode body = http.object();
        body.put("model", request.model());
        body.put("max_tokens", request.maxTokens());
        body.put("temperature", request.temperature());
        if (request.system() != null && !request.system().isBlank()) {
            if (request.cachePrefix()) {
                ObjectNode block = body.putArray("system").addObject();
                block.put("type", "text");
                block.put("text", request.system());
                block.putObject("cache_control").put("type", "ephemeral");
            } else {
                body.put("system", request.system());
            }
        }
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            ObjectNode turn = messages.addObject();
            turn.put("role", message.role() == Message.Role.USER ? "user" : "assistant");
            turn.put("content", message.content());
        }
        if (request.output() instanceof OutputFormat.Json json) {
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", json.name());
            tool.put("description", "Give the answer as " + json.name() + ", matching the input schema.");
            tool.set("input_schema", http.schema(json));
            ObjectNode choice = body.putObject("tool_choice");
            choice.put("type", "tool");
            choice.put("name", json.name());
        }
        if (request.streaming()) {
            body.put("stream", true);
        }
        return body;
    }

    /** Anthropic's error body: {@code {"type":"error","error":{"type":"rate_limit_error","message":"..."}}}. */
    private LanguageModelException failure(int status, HttpHeaders headers, String body, ApiKey key) {
        JsonNode error = ProviderHttp.errorJson(body).path("error");
        return typed(status, headers, error.path("type").asString(""), error.path("message").asString(body), key);
    }

    private LanguageModelException typed(int status, HttpHeaders headers, String type, String rawMessage, ApiKey key) {
        String message = ProviderHttp.clean(rawMessage, key);
        return switch (type) {
            case "authentication_error", "permission_error" -> ProviderHttp.byStatus(PROVIDER, 401, headers, message);
            case "rate_limit_error" -> new RateLimited(PROVIDER, "Anthropic is rate limiting these calls: " + message,
                    ProviderHttp.retryAfter(headers));
            case "overloaded_error" -> new Unavailable(PROVIDER, "Anthropic is overloaded: " + message, null,
                    ProviderHttp.retryAfter(headers));
            case "api_error" -> new Unavailable(PROVIDER, "Anthropic failed: " + message, null, ProviderHttp.retryAfter(headers));
            case "request_too_large" -> new ContextTooLong(PROVIDER, "The request is too large for Anthropic: " + message);
            case "invalid_request_error" -> isContextTooLong(message)
                    ? new ContextTooLong(PROVIDER, "The prompt does not fit the model's context window: " + message)
                    : ProviderHttp.byStatus(PROVIDER, status == 0 ? 400 : status, headers, message);
            default -> ProviderHttp.byStatus(PROVIDER, status == 0 ? 500 : status, headers, message);
        };
    }

    private static boolean isContextTooLong(String message) {
        String lower = message.toLowerCase();
        return lower.contains("prompt is too long") || lower.contains("exceed context limit")
                || lower.contains("context window");
    }

    /** Collects one answer, from a whole message or from stream events. */
    private final class Answer {
        private final CompletionRequest request;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder toolInput = new StringBuilder();
        private String model;
        private String stopReason;
        private JsonNode startUsage;
        private JsonNode finalUsage;
        private boolean stopped;

        Answer(CompletionRequest request) {
            this.request = request;
            this.model = request.model();
        }

        void message(JsonNode message) {
            if (!message.has("content")) {
                throw new LanguageModelException.BadRequest(PROVIDER, "Anthropic answered without content", null);
            }
            model = message.path("model").asString(model);
            for (JsonNode block : message.path("content")) {
                switch (block.path("type").asString("")) {
                    case "text" -> text.append(block.path("text").asString(""));
                    case "tool_use" -> toolInput.append(ProviderHttp.JSON.writeValueAsString(block.path("input")));
                    default -> { }
                }
            }
            stopReason = message.path("stop_reason").asString(null);
            startUsage = message.path("usage");
        }

        void event(JsonNode event, ApiKey key) {
            switch (event.path("type").asString("")) {
                case "message_start" -> {
                    model = event.path("message").path("model").asString(model);
                    startUsage = event.path("message").path("usage");
                }
                case "content_block_delta" -> {
                    JsonNode delta = event.path("delta");
                    String piece = switch (delta.path("type").asString("")) {
                        case "text_delta" -> delta.path("text").asString("");
                        case "input_json_delta" -> delta.path("partial_json").asString("");
                        default -> "";
                    };
                    if (!piece.isEmpty()) {
                        (delta.has("partial_json") ? toolInput : text).append(piece);
                        request.onDelta().accept(piece);
                    }
                }
                case "message_delta" -> {
                    stopReason = event.path("delta").path("stop_reason").asString(stopReason);
                    finalUsage = event.path("usage");
                }
                case "message_stop" -> stopped = true;
                case "error" -> {
                    JsonNode error = event.path("error");
                    throw typed(0, HttpHeaders.of(Map.of(), (a, b) -> true), error.path("type").asString(""),
                            error.path("message").asString(""), key);
                }
                default -> { }
            }
        }

        Completion completion() {
            if ("refusal".equals(stopReason)) {
                throw new Refused(PROVIDER, "Claude declined to answer this request.");
            }
            FinishReason finish = switch (stopReason == null ? "" : stopReason) {
                case "end_turn", "stop_sequence", "tool_use" -> FinishReason.STOP;
                case "max_tokens", "model_context_window_exceeded" -> FinishReason.MAX_TOKENS;
                default -> FinishReason.OTHER;
            };
            String answer = request.output() instanceof OutputFormat.Json ? toolInput.toString() : text.toString();
            return new Completion(answer, usage(), model, PROVIDER, finish);
        }

        /** Anthropic counts cached tokens apart from {@code input_tokens}; the port counts them in. */
        private Usage usage() {
            long input = tokens("input_tokens");
            long cacheRead = tokens("cache_read_input_tokens");
            long cacheWrite = tokens("cache_creation_input_tokens");
            return new Usage(input + cacheRead + cacheWrite, tokens("output_tokens"), cacheRead, cacheWrite);
        }

        /** The final message_delta's cumulative figure when it gives one, else message_start's. */
        private long tokens(String field) {
            if (finalUsage != null && finalUsage.has(field) && !finalUsage.get(field).isNull()) {
                return finalUsage.get(field).asLong(0);
            }
            return startUsage == null ? 0 : startUsage.path(field).asLong(0);
        }
    }
}
