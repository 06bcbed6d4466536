package com.authorworks.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.authorworks.platform.testing.TestAccessTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A caller of the HTTP API as one user, speaking JSON over real HTTP. */
public final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final UUID user;
    private final String token;
    private final int port;

    Api(int port, UUID user, String... roles) {
        this.port = port;
        this.user = user;
        this.token = TestAccessTokens.token(user, roles);
    }

    static Api newUser(int port, String... roles) {
        return new Api(port, UUID.randomUUID(), roles);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", BodyPublishers.ofString(json)));
    }

    /** Opens a server-sent event stream (optionally continuing after an event id) and returns its lines. */
    HttpResponse<java.util.stream.Stream<String>> stream(String path, String... lastEventId) {
        HttpRequest.Builder request = request(path).header("Accept", "text/event-stream");
        if (lastEventId.length > 0) {
            request.header("Last-Event-ID", lastEventId[0]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asString()).isEqualTo(code);
        return body;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
