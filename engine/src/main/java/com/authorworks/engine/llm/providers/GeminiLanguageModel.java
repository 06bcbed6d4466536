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
import com.authorworks.engine.llm.LanguageModelException.RateLimited;
import com.authorworks.engine.llm.LanguageModelException.Refused;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Gemini API ({@code models/{model}:generateContent}, and {@code :streamGenerateContent?alt=sse}
 * to stream). Structured output sets {@code responseMimeType: application/json} with the schema as
 * {@code responseJsonSchema}, which takes JSON Schema as is. Gemini caches repeated prefixes
 * implicitly and reports the hits as {@code cachedContentTokenCount}.
 */
final class GeminiLanguageModel implements LanguageModel {

    static final String PROVIDER = "gemini";
    static final URI DEFAULT_BASE_URL = URI.create("https://generativelanguage.googleapis.com");

    private static final Set<String> REFUSALS =
            Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY");

    private final URI baseUrl;
    private final ProviderHttp http;

    GeminiLanguageModel(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
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
            throw new InvalidKey(PROVIDER, "No Gemini API key was given (set GEMINI_API_KEY).");
        }
        // Google names models both "gemini-2.5-flash" and "models/gemini-2.5-flash".
        String name = request.model().startsWith("models/") ? request.model().substring(7) : request.model();
        String model = URLEncoder.encode(name, StandardCharsets.UTF_8);
        URI endpoint = ProviderHttp.resolve(baseUrl, "/v1beta/models/" + model
                + (request.streaming() ? ":streamGenerateContent?alt=sse" : ":generateContent"));
        var response = http.post(endpoint, Map.of("x-goog-api-key", key.secret()), body(request), key, this::failure);
        Answer answer = new Answer(request);
        if (request.streaming()) {
            http.readEvents(response, data -> answer.add(http.parseChunk(data), true));
            if (answer.finishReason == null) {
                throw http.streamEndedEarly();
            }
        } else {
            answer.add(http.readJson(response), false);
        }
        return answer.completion();
    }

    private ObjectNode body(CompletionRequest request) {
        ObjectNode body = http.object();
        ArrayNode contents = body.putArray("contents");
        for (Message message : request.messages()) {
            ObjectNode turn = contents.addObject();
            turn.put("role", message.role() == Message.Role.USER ? "user" : "model");
            turn.putArray("parts").addObject().put("text", message.content());
        }
        if (request.system() != null && !request.system().isBlank()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.system());
        }
        ObjectNode config = body.putObject("generationConfig");
        config.put("temperature", request.temperature());
        config.put("maxOutputTokens", request.maxTokens());
        if (request.output() instanceof OutputFormat.Json json) {
            config.put("responseMimeType", "application/json");
            config.set("responseJsonSchema", http.schema(json));
        }
        return body;
    }

    /**
     * Google's error body: {@code {"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED","details":[...]}}}.
     * An invalid key comes back as 400 with reason {@code API_KEY_INVALID}; a rate limit names its
     * wait in a {@code RetryInfo} detail.
     */
    private LanguageModelException failure(int status, HttpHeaders headers, String body, ApiKey key) {
        JsonNode error = ProviderHttp.errorJson(body).path("error");
        String message = ProviderHttp.clean(error.path("message").asString(body), key);
        String grpcStatus = error.path("status").asString("");
        String reason = "";
        Duration retryDelay = null;
        for (JsonNode detail : error.path("details")) {
            reason = detail.path("reason").asString(reason);
            if (detail.has("retryDelay")) {
                retryDelay = protobufDuration(detail.get("retryDelay").asString(""));
            }
        }
        if (reason.startsWith("API_KEY_") || grpcStatus.equals("UNAUTHENTICATED") || grpcStatus.equals("PERMISSION_DENIED")
                || message.toLowerCase().contains("api key not valid")) {
            return ProviderHttp.byStatus(PROVIDER, 401, headers, message);
        }
        if (status == 429 || grpcStatus.equals("RESOURCE_EXHAUSTED")) {
            Duration wait = ProviderHttp.retryAfter(headers);
            return new RateLimited(PROVIDER, "Gemini is rate limiting these calls: " + message,
                    wait != null ? wait : retryDelay);
        }
        String lower = message.toLowerCase();
        if (lower.contains("input token count") || lower.contains("exceeds the maximum number of tokens")) {
            return new ContextTooLong(PROVIDER, "The prompt does not fit the model's context window: " + message);
        }
        return ProviderHttp.byStatus(PROVIDER, status, headers, message);
    }

    /** A protobuf Duration in JSON: {@code "37s"} or {@code "1.5s"}. */
    private static Duration protobufDuration(String text) {
        if (!text.endsWith("s")) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private final class Answer {
        private final CompletionRequest request;
        private final StringBuilder text = new StringBuilder();
        private String model;
        private String finishReason;
        private String blockReason;
        private JsonNode usage;

        Answer(CompletionRequest request) {
            this.request = request;
            this.model = request.model();
        }

        void add(JsonNode response, boolean streaming) {
            model = response.path("modelVersion").asString(model);
            if (response.path("promptFeedback").has("blockReason")) {
                blockReason = response.path("promptFeedback").path("blockReason").asString();
                finishReason = blockReason;
            }
            JsonNode candidate = response.path("candidates").path(0);
            for (JsonNode part : candidate.path("content").path("parts")) {
                // Thought summaries are the model's working, not its answer.
                if (!part.path("thought").asBoolean(false) && part.has("text")) {
                    String piece = part.get("text").asString();
                    text.append(piece);
                    if (streaming && !piece.isEmpty()) {
                        request.onDelta().accept(piece);
                    }
                }
            }
            if (candidate.has("finishReason")) {
                finishReason = candidate.get("finishReason").asString();
            }
            if (response.has("usageMetadata")) {
                usage = response.get("usageMetadata");
            }
            if (!streaming && candidate.isMissingNode() && blockReason == null) {
                throw new BadRequest(PROVIDER, "Gemini answered without a candidate", null);
            }
        }

        Completion completion() {
            if (blockReason != null) {
                throw new Refused(PROVIDER, "Gemini blocked the prompt (" + blockReason + ").");
            }
            if (finishReason != null && REFUSALS.contains(finishReason)) {
                throw new Refused(PROVIDER, "Gemini withheld the answer (" + finishReason + ").");
            }
            FinishReason finish = switch (finishReason == null ? "" : finishReason) {
                case "STOP" -> FinishReason.STOP;
                case "MAX_TOKENS" -> FinishReason.MAX_TOKENS;
                default -> FinishReason.OTHER;
            };
            JsonNode counts = usage == null ? ProviderHttp.JSON.missingNode() : usage;
            // Thinking tokens are billed as output.
            Usage tokens = new Usage(counts.path("promptTokenCount").asLong(0),
                    counts.path("candidatesTokenCount").asLong(0) + counts.path("thoughtsTokenCount").asLong(0),
                    counts.path("cachedContentTokenCount").asLong(0), 0);
            return new Completion(text.toString(), tokens, model, PROVIDER, finish);
        }
    }
}
