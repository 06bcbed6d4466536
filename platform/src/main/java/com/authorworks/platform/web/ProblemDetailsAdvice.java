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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.authorworks.platform.Problem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

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
        return ResponseEntity.status(problem.status())
                .body(Problems.of(problem.status(), problem.code(), problem.getMessage(), problem.properties()));
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
                "Parameter '" + e.getName() + "' has an invalid value."));
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
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("?");
            return "Field '" + field + "' has a value of the wrong type or shape.";
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
