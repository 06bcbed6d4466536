package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.LanguageModelException.BadRequest;
import com.authorworks.engine.llm.LanguageModelException.ContextTooLong;
import com.authorworks.engine.llm.LanguageModelException.InvalidKey;
import com.authorworks.engine.llm.LanguageModelException.RateLimited;
import com.authorworks.engine.llm.LanguageModelException.Unavailable;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP plumbing every adapter shares: one JDK client per adapter, the key sent only as a
 * header of the one request that needs it, failures typed by status, streams read as SSE or NDJSON.
 * The adapters do no retrying of their own; {@link RetryingLanguageModel} does.
 */
final class ProviderHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** The most of a model listing read: OpenRouter lists about 400 models in about 1 MB. */
    static final int MAX_LISTING = 4 * 1024 * 1024;
    /** The most model names kept from a listing. */
    private static final int MAX_NAMES = 2_000;
    private static final int MAX_MESSAGE = 400;

    /** Turns a provider's error answer into a typed failure. */
    interface Failures {
        LanguageModelException map(int status, HttpHeaders headers, String body, ApiKey key);
    }

    /** Closes streams that fell silent; closing the body is what unblocks a reader stuck on a dead connection. */
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final String provider;
    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(String provider, Duration timeout) {
        this.provider = provider;
        this.timeout = timeout;
        // HTTP/1.1: streams are long-lived single requests, and every local server (Ollama,
        // llama.cpp, vLLM) speaks it; nothing here gains from HTTP/2 multiplexing.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30))
                .build();
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The conversation as chat-completions {@code messages} (a system turn first), as OpenAI and Ollama read it. */
    void chatMessages(ObjectNode body, CompletionRequest request) {
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isBlank()) {
            ObjectNode system = messages.addObject();
            system.put("role", "system");
            system.put("content", request.system());
        }
        for (Message message : request.messages()) {
            ObjectNode turn = messages.addObject();
            turn.put("role", message.role() == Message.Role.USER ? "user" : "assistant");
            turn.put("content", message.content());
        }
    }

    /** Posts JSON; answers the open response when the status is 2xx, else throws the typed failure. */
    HttpResponse<InputStream> post(URI uri, Map<String, String> headers, JsonNode body, ApiKey key, Failures failures) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request.build(), key, failures);
    }

    /**
     * Gets a JSON document (a listing, not a stream), reading at most {@code limit} bytes of it: a
     * server that answers with more is refused rather than read into memory.
     */
    JsonNode getJson(URI uri, Map<String, String> headers, ApiKey key, Failures failures, int limit) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("accept", "application/json").GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = send(request.build(), key, failures);
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw broken(e);
        }
        if (bytes.length > limit) {
            throw new BadRequest(provider, provider + " answered with more than " + limit / 1024 + " KB", null);
        }
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new BadRequest(provider, provider + " answered with a body that is not valid JSON", e);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, ApiKey key, Failures failures) {
        URI uri = request.uri();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Unavailable(provider, provider + " did not answer within " + describe(timeout), e);
        } catch (ConnectException e) {
            throw new Unavailable(provider, "Could not connect to " + provider + " at " + origin(uri), e);
        } catch (IOException e) {
            throw new Unavailable(provider, "The connection to " + provider + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(provider, "The call to " + provider + " was interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        throw failures.map(status, response.headers(), text, key);
    }

    /** The schema of a structured call as a JSON tree, to embed in the request. */
    JsonNode schema(OutputFormat.Json json) {
        try {
            return JSON.readTree(json.jsonSchema());
        } catch (JacksonException e) {
            throw new BadRequest(provider, "The JSON schema '" + json.name() + "' is not valid JSON", e);
        }
    }

    /** Reads a whole JSON answer. */
    JsonNode readJson(HttpResponse<InputStream> response) {
        String text;
        Silence silence = new Silence(response.body());
        try (InputStream in = response.body()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw silence.fell() ? silent(e) : broken(e);
        } finally {
            silence.stop();
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new BadRequest(provider, provider + " answered with a body that is not valid JSON", e);
        }
    }

    /**
     * Reads a server-sent event stream, handing each event's data to {@code onData}. Comment lines
     * (OpenRouter's keep-alives) are skipped; an event cut off before its blank line is dropped.
     */
    void readEvents(HttpResponse<InputStream> response, Consumer<String> onData) {
        Silence silence = new Silence(response.body());
        try (BufferedReader reader = reader(response)) {
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                silence.heard();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        onData.accept(data.toString());
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (IOException e) {
            throw silence.fell() ? silent(e) : broken(e);
        } finally {
            silence.stop();
        }
    }

    /** Reads a newline-delimited JSON stream (Ollama). */
    void readLines(HttpResponse<InputStream> response, Consumer<String> onLine) {
        Silence silence = new Silence(response.body());
        try (BufferedReader reader = reader(response)) {
            String line;
            while ((line = reader.readLine()) != null) {
                silence.heard();
                if (!line.isBlank()) {
                    onLine.accept(line);
                }
            }
        } catch (IOException e) {
            throw silence.fell() ? silent(e) : broken(e);
        } finally {
            silence.stop();
        }
    }

    /** Parses one streamed chunk; an unreadable chunk means the stream broke. */
    JsonNode parseChunk(String chunk) {
        try {
            return JSON.readTree(chunk);
        } catch (JacksonException e) {
            throw new Unavailable(provider, "The stream from " + provider + " broke: an unreadable chunk arrived", e);
        }
    }

    Unavailable streamEndedEarly() {
        return new Unavailable(provider, "The stream from " + provider + " ended before the answer was complete", null);
    }

    private Unavailable silent(IOException e) {
        return new Unavailable(provider, "The stream from " + provider + " fell silent for " + describe(timeout), e);
    }

    /**
     * A stream may run for as long as it keeps talking: the timeout counts from the last line heard,
     * so a long chapter streams to its end while a dead connection fails after one timeout. (A whole
     * JSON body gets one timeout in all.)
     */
    private final class Silence {
        private final InputStream body;
        private final long timeoutNanos = timeout.toNanos();
        /** When a line was last heard: a stream hears thousands, so each only notes the time and the alarm looks at it. */
        private volatile long heardAt;
        private ScheduledFuture<?> alarm;
        private boolean stopped;
        private volatile boolean fell;

        Silence(InputStream body) {
            this.body = body;
            heard();
            arm(timeoutNanos);
        }

        void heard() {
            heardAt = System.nanoTime();
        }

        boolean fell() {
            return fell;
        }

        synchronized void stop() {
            stopped = true;
            alarm.cancel(false);
        }

        private synchronized void arm(long nanos) {
            if (!stopped) {
                alarm = WATCHDOG.schedule(this::ring, nanos, TimeUnit.NANOSECONDS);
            }
        }

        /** The alarm went off: silent for the whole timeout closes the stream, else it is set for the rest of it. */
        private void ring() {
            long quiet = System.nanoTime() - heardAt;
            if (quiet < timeoutNanos) {
                arm(timeoutNanos - quiet);
                return;
            }
            fell = true;
            try {
                body.close();
            } catch (IOException ignored) {
                // the reader sees the stream closed either way
            }
        }
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "llm-stream-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private Unavailable broken(IOException e) {
        return new Unavailable(provider, "The connection to " + provider + " broke while reading the answer", e);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    // ---- failure typing shared by the adapters

    /** The typing every provider shares; adapters refine it from their error bodies first. */
    static LanguageModelException byStatus(String provider, int status, HttpHeaders headers, String message) {
        return switch (status) {
            case 401, 403 -> new InvalidKey(provider, "The " + provider + " API key was rejected (invalid, expired or "
                    + "without permission for this model). Check the key and try again.");
            case 402 -> new InvalidKey(provider, "The account behind this " + provider + " API key has no credit left; "
                    + "check its plan and billing.");
            case 429 -> new RateLimited(provider, provider + " is rate limiting these calls: " + message,
                    retryAfter(headers));
            case 413 -> new ContextTooLong(provider, "The request is too large for " + provider + ": " + message);
            case 408 -> new Unavailable(provider, provider + " timed out: " + message, null, retryAfter(headers));
            default -> status >= 500
                    ? new Unavailable(provider, provider + " failed (HTTP " + status + "): " + message, null, retryAfter(headers))
                    : new BadRequest(provider, provider + " rejected the request (HTTP " + status + "): " + message, null);
        };
    }

    /** Reads {@code retry-after-ms} (OpenAI) or {@code retry-after} in seconds or as an HTTP date. */
    static Duration retryAfter(HttpHeaders headers) {
        var millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Duration.ofMillis((long) Double.parseDouble(millis.get().trim()));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        var value = headers.firstValue("retry-after");
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        try {
            return Duration.ofMillis((long) (Double.parseDouble(text) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A provider's own message, shortened and with the key (should a provider echo it) masked. */
    static String clean(String message, ApiKey key) {
        String text = message == null ? "" : message.strip();
        if (key != null) {
            text = text.replace(key.secret(), key.hint());
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }

    /** Parses an error body leniently: providers (and proxies in front of them) do not always send JSON. */
    static JsonNode errorJson(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    /** The distinct non-blank text {@code field}s of a listing's items, sorted, at most {@link #MAX_NAMES} of them. */
    static java.util.List<String> names(JsonNode items, String field) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (JsonNode item : items) {
            String name = item.path(field).asString("").strip();
            if (!name.isEmpty() && name.length() <= 200 && names.size() < MAX_NAMES) {
                names.add(name);
            }
        }
        return java.util.List.copyOf(names);
    }

    static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
