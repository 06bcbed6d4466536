package com.authorworks.media.audio.speech;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the remote adapters share: one HTTP client with a connect timeout, a per-call timeout and error mapping. */
abstract class RemoteSpeech implements SpeechEngine {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A provider's error body is read this far at most. */
    private static final int MAX_ERROR = 2_000;

    private final HttpClient http;
    private final Duration timeout;

    RemoteSpeech(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.timeout = timeout;
    }

    byte[] post(URI uri, String body, String... headers) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .headers(headers).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new SpeechException.Unavailable(name() + " did not answer within " + timeout);
        } catch (IOException e) {
            throw new SpeechException.Unavailable(name() + " could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException.Unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            if (response.body().length == 0) {
                throw new SpeechException.Unavailable(name() + " answered no audio");
            }
            return response.body();
        }
        String message = message(response.body());
        if (status == 429) {
            throw new SpeechException.RateLimited(name() + " is rate limiting: " + message,
                    retryAfter(response.headers().firstValue("retry-after").orElse(null)));
        }
        if (status == 401 || status == 403) {
            throw new SpeechException.InvalidKey(name() + " refused the key: " + message);
        }
        if (status >= 500 || status == 408) {
            throw new SpeechException.Unavailable(name() + " failed (" + status + "): " + message);
        }
        throw new SpeechException.BadRequest(name() + " refused the request (" + status + "): " + message);
    }

    /** The provider's own message from its error JSON; a key it echoes is masked. */
    abstract String errorMessage(JsonNode error);

    private String message(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, MAX_ERROR), java.nio.charset.StandardCharsets.UTF_8);
        String message;
        try {
            message = errorMessage(JSON.readTree(text));
        } catch (RuntimeException e) {
            message = null;
        }
        if (message == null || message.isBlank()) {
            message = "no details";
        }
        return message.replaceAll("(sk|xi)[-_A-Za-z0-9]{8,}", "…").replaceAll("\\*{3,}[A-Za-z0-9]+", "…");
    }

    static long retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return (long) (Double.parseDouble(value.strip()) * 1000);
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).toMillis());
            } catch (DateTimeParseException ignored) {
                return 0;
            }
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
