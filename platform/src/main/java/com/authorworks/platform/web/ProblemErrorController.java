package com.authorworks.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (rejected by the servlet container or a filter) still
 * answer with problem details instead of the container's HTML page.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // called by address, not forwarded to by the container: there is nothing here
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Nothing exists at this address."));
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseUnavailable.causedBy(failure)) {
            // a filter (authentication reading a user's token epoch) could not reach the database
            return DatabaseUnavailable.answer(failure);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError()
                ? "Something went wrong on our side. Quote the request id when you report it."
                : status == HttpStatus.BAD_REQUEST ? "The request is malformed and was not read."
                : status.getReasonPhrase();
        return ResponseEntity.status(status).body(Problems.of(status, code(status), detail));
    }

    /** The stable code of a status the container or a filter answered with. */
    static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "body-too-large";
            case UNAUTHORIZED -> "authentication-required";
            case FORBIDDEN -> "forbidden";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            case BAD_REQUEST -> "malformed-request";
            default -> status.is4xxClientError() ? "bad-request" : "internal-error";
        };
    }
}
