package com.authorworks.platform.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.authorworks.platform.Problem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every exception that reaches Spring MVC into problem details with a stable code. What
 * the caller did wrong is a 4xx with words they can act on; only our own faults are a 500, and
 * those are logged with the request id and shown without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> problem(Problem problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status());
        problem.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
        return answer.body(Problems.of(problem.status(), problem.code(), problem.getMessage(), problem.properties()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        boolean pathVariable = e.getParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class);
        if (pathVariable) {
            // A malformed id names nothing that exists: to the caller that is the same as an unknown id,
            // with the same code (a typed BookId answers book-not-found, like an unknown book).
            String thing = typedIdName(e.getParameter().getParameterType());
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(thing == null
                    ? Problems.of(HttpStatus.NOT_FOUND, "not-found", "Nothing exists at this address.")
                    : Problems.of(HttpStatus.NOT_FOUND, thing + "-not-found", "There is no such " + thing.replace('-', ' ') + "."));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Parameter '" + e.getName() + "' " + expected(e.getRequiredType()) + "."));
    }

    /** What a value of the type looks like, in the caller's words rather than Java's. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == java.util.UUID.class || typedIdName(type) != null) {
            return "must be an id (a UUID)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z)";
        }
        if (type == java.time.Duration.class) {
            return "must be a duration (ISO 8601, e.g. PT30S)";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "has a value of the wrong type or shape";
    }

    /** A multipart body that cannot be parsed (no boundary, cut short); too large has its own answer. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        if (causedBy(e, org.apache.tomcat.util.http.fileupload.InvalidFileNameException.class)) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-character",
                    "A file name in the upload contains a character that cannot be stored (U+0000)."));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-multipart",
                "The upload is not a readable multipart/form-data body (missing boundary or cut short)."));
    }

    /** {@code BookId} → {@code book}, {@code ProviderKeyId} → {@code provider-key}; null for other types. */
    static String typedIdName(Class<?> type) {
        String name = type.getSimpleName();
        if (!type.isRecord() || !name.endsWith("Id") || name.length() == 2) {
            return null;
        }
        return name.substring(0, name.length() - 2).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this."));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "authentication-required", "Sign in to do this."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // A Problem wrapped by a framework (e.g. thrown while binding a request record) is still the caller's.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof Problem wrapped) {
                return problem(wrapped);
            }
        }
        if (DatabaseUnavailable.causedBy(e)) {
            return DatabaseUnavailable.answer(e);
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Something went wrong on our side. Quote the request id when you report it."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
                "Some fields are not valid.", Map.of("errors", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.<String, Object>of(
                        "field", result.getMethodParameter().getParameterName() == null ? "?"
                                : result.getMethodParameter().getParameterName(),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
                "Some parameters are not valid.", Map.of("errors", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, BodyLimitFilter.BodyTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large", causeMessage(e, BodyLimitFilter.BodyTooLargeException.class)));
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", describeUnreadable(e)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String code = switch (e) {
            case NoResourceFoundException ignored -> "not-found";
            case HttpRequestMethodNotSupportedException ignored -> "method-not-allowed";
            case HttpMediaTypeNotSupportedException ignored -> "unsupported-media-type";
            case HttpMediaTypeNotAcceptableException ignored -> "not-acceptable";
            case MissingServletRequestParameterException ignored -> "missing-parameter";
            case MissingRequestHeaderException ignored -> "missing-header";
            case MaxUploadSizeExceededException ignored -> "file-too-large";
            default -> status.is4xxClientError() ? "bad-request" : "internal-error";
        };
        String detail = switch (e) {
            case NoResourceFoundException ignored -> "Nothing exists at this address.";
            case HttpRequestMethodNotSupportedException m -> "Method " + m.getMethod() + " is not allowed here.";
            case MissingServletRequestParameterException m -> "Parameter '" + m.getParameterName() + "' is required.";
            case MaxUploadSizeExceededException m -> m.getMaxUploadSize() > 0
                    ? "The upload is larger than the limit of " + m.getMaxUploadSize() + " bytes."
                    : "The upload is larger than this server accepts.";
            default -> body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail() : e.getMessage();
        };
        if (status.is5xxServerError()) {
            log.error("Unexpected failure", e);
            detail = "Something went wrong on our side. Quote the request id when you report it.";
        }
        ProblemDetail problem = Problems.of(status, code, detail);
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static Map<String, Object> fieldError(FieldError error) {
        String message = error.isBindingFailure() && error.contains(TypeMismatchException.class)
                ? expected(error.unwrap(TypeMismatchException.class).getRequiredType())
                : error.isBindingFailure() ? "has an invalid value" : String.valueOf(error.getDefaultMessage());
        return Map.of("field", error.getField(), "message", message);
    }

    private static String describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("?");
            Class<?> target = databind instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return "Field '" + field + "' " + expected(target) + ".";
        }
        if (cause instanceof JacksonException) {
            return "The request body is not valid JSON.";
        }
        return "The request body is missing or cannot be read.";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String causeMessage(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t.getMessage();
            }
        }
        return e.getMessage();
    }
}
