package com.authorworks.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS decisions, with a refusal that is a problem ({@code 403 cross-origin-refused}), not plain text. */
public class ProblemCorsProcessor extends DefaultCorsProcessor {

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean allowed = super.processRequest(config, request, response);
        if (!allowed && !response.isCommitted()) {
            Problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "cross-origin-refused",
                    "Requests from " + originOf(request) + " are not allowed here (CORS)."));
        }
        return allowed;
    }

    /** The refusal is written by {@link #processRequest}, which knows the request. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.FORBIDDEN);
    }

    private static String originOf(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin == null || origin.length() > 200 || !origin.matches("[\\x21-\\x7e]+") ? "this origin" : origin;
    }
}
