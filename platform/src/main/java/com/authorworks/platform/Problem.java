package com.authorworks.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can understand and act on. Rendered as RFC 9457 problem details with a
 * stable {@code code}; never logged as an error, because it is the caller's doing.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;
    private final Duration retryAfter;

    public Problem(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public Problem(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        this(status, code, detail, properties, null);
    }

    /** A problem that passes once {@code retryAfter} has gone by (a rate limit): the answer carries {@code Retry-After}. */
    public Problem(HttpStatus status, String code, String detail, Map<String, Object> properties, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
        this.retryAfter = retryAfter;
    }

    public static Problem notFound(String code, String detail) {
        return new Problem(HttpStatus.NOT_FOUND, code, detail);
    }

    public static Problem badRequest(String code, String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static Problem conflict(String code, String detail) {
        return new Problem(HttpStatus.CONFLICT, code, detail);
    }

    public static Problem forbidden(String code, String detail) {
        return new Problem(HttpStatus.FORBIDDEN, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** How long until asking again may succeed, when that is known. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
