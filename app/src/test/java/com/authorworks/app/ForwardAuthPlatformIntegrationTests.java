package com.authorworks.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.AuthorWorksApplication;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The homelab mode with every service in one process: the proxy (here the test, calling from
 * 127.0.0.1, a trusted address by default) says who the user is with Authelia's headers, and no
 * request carries a token. The content service must see that user exactly as it sees a bearer
 * token's, also on the asynchronous dispatch that ends a server-sent event stream.
 */
@SpringBootTest(classes = AuthorWorksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "AUTHORWORKS_FORWARD_AUTH=true")
class ForwardAuthPlatformIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", () -> data.toString());
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> send(String remoteUser, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, text/event-stream, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (remoteUser != null) {
            request.header("Remote-User", remoteUser).header("Remote-Email", remoteUser + "@homelab.test")
                    .header("Remote-Name", "Remote " + remoteUser).header("Remote-Groups", "users");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String unique(String name) {
        return name + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void theProxysUserSignsInWithoutATokenAndOwnsTheirBooks() throws Exception {
        String writer = unique("writer");
        // what the web app asks at start to learn that it needs no log-in page
        JsonNode session = json(send(writer, "GET", "/api/v1/auth/session", null), 200);
        assertThat(session.get("signedIn").asBoolean()).isTrue();
        assertThat(session.get("forwardAuth").asBoolean()).isTrue();
        assertThat(json(send(null, "GET", "/api/v1/auth/session", null), 200).get("signedIn").asBoolean()).isFalse();

        JsonNode me = json(send(writer, "GET", "/api/v1/users/me", null), 200);
        assertThat(me.get("username").asString()).isEqualTo(writer);

        JsonNode book = json(send(writer, "POST", "/api/v1/books", "{\"title\":\"Harbour Lights\"}"), 201);
        String id = book.get("id").asString();
        assertThat(json(send(writer, "GET", "/api/v1/books/" + id, null), 200).get("title").asString()).isEqualTo("Harbour Lights");
        assertThat(json(send(writer, "GET", "/api/v1/books", null), 200).get("items").toString()).contains(id);

        // another proxy user does not see it, and nobody without the headers gets in
        String stranger = unique("stranger");
        assertThat(json(send(stranger, "GET", "/api/v1/books/" + id, null), 404).get("code").asString()).isEqualTo("book-not-found");
        assertThat(json(send(null, "GET", "/api/v1/books", null), 401).get("code").asString())
                .isEqualTo("authentication-required");
        // a book is readable without an account only once published for anyone: a draft is not found
        assertThat(json(send(null, "GET", "/api/v1/books/" + id, null), 404).get("code").asString()).isEqualTo("book-not-found");
    }

    @Test
    void aProgressStreamEndsCleanlyForTheProxysUser() throws Exception {
        String writer = unique("streamer");
        String id = json(send(writer, "POST", "/api/v1/books", "{\"title\":\"Quiet Book\"}"), 201).get("id").asString();

        // no job: the stream opens and the server ends it on its next poll, through an async dispatch
        HttpResponse<String> events = send(writer, "GET", "/api/v1/books/" + id + "/events", null);

        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(events.body()).doesNotContain("authentication-required");
    }
}
