package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Completion.FinishReason;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.LanguageModelException.BadRequest;
import com.authorworks.engine.llm.LanguageModelException.ContextTooLong;
import com.authorworks.engine.llm.LanguageModelException.InvalidKey;
import com.authorworks.engine.llm.LanguageModelException.Refused;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Chat Completions API ({@code POST {base}/chat/completions}), which llama.cpp, vLLM,
 * LM Studio and OpenRouter also speak. Structured output is {@code response_format: json_schema}
 * in strict mode; streams ask for {@code stream_options.include_usage} so the last chunk carries usage.
 */
final class OpenAiLanguageModel implements LanguageModel {

    static final String OPENAI = "openai";
    static final String COMPATIBLE = "openai-compatible";
    static final URI OPENAI_BASE_URL = URI.create("https://api.openai.com/v1");

    private final String provider;
    private final URI endpoint;
    private final URI modelList;
    private final boolean keyRequired;
    private final ProviderHttp http;

    private OpenAiLanguageModel(String provider, URI baseUrl, boolean keyRequired, Duration timeout) {
        this.provider = provider;
        this.endpoint = ProviderHttp.resolve(baseUrl, "/chat/completions");
        this.modelList = ProviderHttp.resolve(baseUrl, "/models");
        this.keyRequired = keyRequired;
        this.http = new ProviderHttp(provider, timeout);
    }

    static OpenAiLanguageModel openAi(URI baseUrl, Duration timeout) {
        return new OpenAiLanguageModel(OPENAI, baseUrl == null ? OPENAI_BASE_URL : baseUrl, true, timeout);
    }

    /** A server of one's own or a router: the base URL is required, the key optional (local servers need none). */
    static OpenAiLanguageModel compatible(URI baseUrl, Duration timeout) {
        if (baseUrl == null) {
            throw new IllegalArgumentException("The openai-compatible provider needs a base URL, e.g. "
                    + "http://localhost:8080/v1 (llama.cpp) or https://openrouter.ai/api/v1");
        }
        return new OpenAiLanguageModel(COMPATIBLE, baseUrl, false, timeout);
    }

    /** The models the server serves ({@code GET {base}/models}, the ids of {@code data}), sorted. */
    java.util.List<String> models(ApiKey key) {
        if (keyRequired && key == null) {
            throw new InvalidKey(provider, "No " + provider + " API key");
        }
        Map<String, String> headers = key == null ? Map.of() : Map.of("authorization", "Bearer " + key.secret());
        JsonNode answer = http.getJson(modelList, headers, key, this::failure, ProviderHttp.MAX_LISTING);
        return ProviderHttp.names(answer.path("data"), "id");
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        ApiKey key = request.key();
        if (key == null && keyRequired) {
            throw new InvalidKey(provider, "No OpenAI API key was given (set OPENAI_API_KEY).");
        }
        Map<String, String> headers = key == null ? Map.of() : Map.of("authorization", "Bearer " + key.secret());
        var response = http.post(endpoint, headers, body(request), key, this::failure);
        Answer answer = new Answer(request);
        if (request.streaming()) {
            http.readEvents(response, data -> {
                if ("[DONE]".equals(data.strip())) {
                    answer.done = true;
                } else {
                    answer.chunk(http.parseChunk(data), key);
                }
            });
            if (!answer.done) {
                throw http.streamEndedEarly();
            }
        } else {
            answer.whole(http.readJson(response));
        }
        return answer.completion();
    }

    private ObjectNode body(CompletionRequest request) {
        ObjectNode body = http.object();
        body.put("model", request.model());
        http.chatMessages(body, request);
        body.put("temperature", request.temperature());
        // OpenAI deprecated max_tokens (its reasoning models reject it); the servers that copy the
        // API mostly still read only max_tokens.
        body.put(OPENAI.equals(provider) ? "max_completion_tokens" : "max_tokens", request.maxTokens());
        if (request.output() instanceof OutputFormat.Json json) {
            ObjectNode format = body.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode schema = format.putObject("json_schema");
            schema.put("name", json.name());
            schema.put("strict", true);
            schema.set("schema", http.schema(json));
        }
        if (request.streaming()) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    /** OpenAI's error body: {@code {"error":{"message":"...","type":"...","code":"context_length_exceeded"}}}. */
    private LanguageModelException failure(int status, HttpHeaders headers, String body, ApiKey key) {
        JsonNode error = ProviderHttp.errorJson(body).path("error");
        // Compatible servers sometimes send {"error": "text"}.
        String raw = error.isString() ? error.asString() : error.path("message").asString(body);
        return typed(status, headers, error.path("code").asString(""), error.path("type").asString(""), raw, key);
    }

    private LanguageModelException typed(int status, HttpHeaders headers, String code, String type, String raw,
            ApiKey key) {
        String message = ProviderHttp.clean(raw, key);
        if ("invalid_api_key".equals(code) || status == 401) {
            // OpenAI's own message quotes part of the key: say it in our words instead.
            return ProviderHttp.byStatus(provider, 401, headers, "");
        }
        if ("insufficient_quota".equals(code) || "insufficient_quota".equals(type)) {
            return new InvalidKey(provider, "The account behind this " + provider
                    + " API key has no quota left; check its plan and billing.");
        }
        if ("context_length_exceeded".equals(code) || message.toLowerCase().contains("maximum context length")) {
            return new ContextTooLong(provider, "The prompt does not fit the model's context window: " + message);
        }
        return ProviderHttp.byStatus(provider, status == 0 ? 500 : status, headers, message);
    }

    private final class Answer {
        private final CompletionRequest request;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder refusal = new StringBuilder();
        private String model;
        private String finishReason;
        private JsonNode usage;
        private boolean done;

        Answer(CompletionRequest request) {
            this.request = request;
            this.model = request.model();
        }

        void whole(JsonNode completion) {
            JsonNode choice = completion.path("choices").path(0);
            if (choice.isMissingNode()) {
                throw new BadRequest(provider, provider + " answered without a choice", null);
            }
            model = completion.path("model").asString(model);
            text.append(choice.path("message").path("content").asString(""));
            refusal.append(choice.path("message").path("refusal").asString(""));
            finishReason = choice.path("finish_reason").asString(null);
            usage = completion.path("usage");
        }

        void chunk(JsonNode chunk, ApiKey key) {
            if (chunk.has("error")) {
                JsonNode error = chunk.path("error");
                throw typed(0, HttpHeaders.of(Map.of(), (a, b) -> true), error.path("code").asString(""),
                        error.path("type").asString(""), error.path("message").asString(""), key);
            }
            model = chunk.path("model").asString(model);
            JsonNode choice = chunk.path("choices").path(0);
            String piece = choice.path("delta").path("content").asString("");
            if (!piece.isEmpty()) {
                text.append(piece);
                request.onDelta().accept(piece);
            }
            refusal.append(choice.path("delta").path("refusal").asString(""));
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.get("finish_reason").asString();
            }
            if (chunk.hasNonNull("usage")) {
                usage = chunk.get("usage");
            }
        }

        Completion completion() {
            if (!refusal.isEmpty()) {
                throw new Refused(provider, "The model declined to answer: " + ProviderHttp.clean(refusal.toString(), null));
            }
            if ("content_filter".equals(finishReason)) {
                throw new Refused(provider, provider + " withheld the answer under its content policy.");
            }
            FinishReason finish = switch (finishReason == null ? "" : finishReason) {
                case "stop" -> FinishReason.STOP;
                case "length" -> FinishReason.MAX_TOKENS;
                default -> FinishReason.OTHER;
            };
            JsonNode counts = usage == null ? ProviderHttp.JSON.missingNode() : usage;
            Usage tokens = new Usage(counts.path("prompt_tokens").asLong(0), counts.path("completion_tokens").asLong(0),
                    counts.path("prompt_tokens_details").path("cached_tokens").asLong(0), 0);
            return new Completion(text.toString(), tokens, model, provider, finish);
        }
    }
}
