package com.authorworks.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller of the HTTP API as one user (or nobody: {@link #anonymous}), speaking JSON over real HTTP; the
 * services' integration tests share it.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final UUID user;
    public final String token;
    private final int port;

    private Api(int port, UUID user, String token) {
        this.port = port;
        this.user = user;
        this.token = token;
    }

    public static Api newUser(int port, String... roles) {
        UUID user = UUID.randomUUID();
        return new Api(port, user, TestAccessTokens.token(user, roles));
    }

    public static Api withToken(int port, UUID user, String token) {
        return new Api(port, user, token);
    }

    public static Api anonymous(int port) {
        return new Api(port, null, null);
    }

    /** The same caller at another process. */
    public Api at(int otherPort) {
        return new Api(otherPort, user, token);
    }

    /** @param headers names and values, in turn */
    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode post(String path, Object body) {
        return ok(send("POST", path, body == null ? null : json(body)), 200);
    }

    public JsonNode get(String path) {
        return ok(send("GET", path, null), 200);
    }

    public static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    public static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asString()).isEqualTo(code);
        return body;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
