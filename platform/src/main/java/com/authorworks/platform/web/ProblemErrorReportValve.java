package com.authorworks.platform.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error page, for what it refuses before any filter or servlet runs (an encoded slash or NUL in
 * the path, a malformed request line or header), as problem details instead of its HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean ioAllowed = new java.util.concurrent.atomic.AtomicBoolean(false);
        response.getCoyoteResponse().action(org.apache.coyote.ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is already broken
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null) {
            resolved = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        String detail = resolved.is5xxServerError()
                ? "Something went wrong on our side. Quote the request id when you report it."
                : resolved == HttpStatus.BAD_REQUEST
                ? "The request is malformed (its address, encoding or headers) and was not read."
                : resolved.getReasonPhrase();
        ProblemDetail problem = Problems.of(resolved, ProblemErrorController.code(resolved), detail);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("requestId")) {
            // refused before the request-id filter ran: the answer still has an id to quote
            String id = java.util.UUID.randomUUID().toString();
            problem.setProperty("requestId", id);
            response.setHeader(RequestIdFilter.HEADER, id);
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.JSON.writeValueAsString(Problems.body(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing to tell it
        }
    }
}
