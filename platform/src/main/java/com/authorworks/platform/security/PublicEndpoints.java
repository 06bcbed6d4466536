package com.authorworks.platform.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Endpoints under {@code /api} that anyone may call without signing in. Each service declares
 * its own; every other {@code /api} request needs a valid access token.
 */
public interface PublicEndpoints {

    List<Endpoint> endpoints();

    /** A method (null for any) and an ant-style path pattern. */
    record Endpoint(HttpMethod method, String pattern) {

        public static Endpoint get(String pattern) {
            return new Endpoint(HttpMethod.GET, pattern);
        }

        public static Endpoint post(String pattern) {
            return new Endpoint(HttpMethod.POST, pattern);
        }

        public static Endpoint any(String pattern) {
            return new Endpoint(null, pattern);
        }
    }
}
