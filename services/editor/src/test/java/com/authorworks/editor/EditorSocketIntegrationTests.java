package com.authorworks.editor;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/** The socket and the session endpoint refuse what they must: no ticket, someone else's scene, garbage. */
@Timeout(120)
@SpringBootTest(classes = EditorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "authorworks.services=content,storage,editor")
class EditorSocketIntegrationTests {

    static final Path DATA = createData();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;

    record Closed(int code, String reason) {
    }

    /** Opens the socket and answers how the server closed it. */
    Closed open(String path, byte[] send) throws Exception {
        CompletableFuture<Closed> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + path), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(new Closed(statusCode, reason));
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.completeExceptionally(error);
                    }
                }).get(10, TimeUnit.SECONDS);
        if (send != null) {
            socket.sendBinary(ByteBuffer.wrap(send), true);
        }
        return closed.get(20, TimeUnit.SECONDS);
    }

    String scene(Api owner) {
        String book = ok(owner.send("POST", "/api/v1/books", json(Map.of("title", "Locked Room"))), 201).path("id").asString();
        String chapter = ok(owner.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        return ok(owner.send("POST", "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", "S", "content", "<p>Kept.</p>"))), 201).path("id").asString();
    }

    @Test
    void aSocketWithoutAValidTicketForThisDocumentIsClosedBeforeAnythingIsSent() throws Exception {
        Api owner = Api.newUser(port);
        String scene = scene(owner);
        String other = scene(owner);
        String ticket = owner.post("/api/v1/editor/document/" + scene + "/collaborate", null).path("ticket").asString();

        assertThat(open("/ws/editor/" + scene, null).code()).isEqualTo(4401);
        assertThat(open("/ws/editor/" + scene + "?ticket=forged." + ticket.substring(ticket.indexOf('.') + 1), null).code()).isEqualTo(4401);
        assertThat(open("/ws/editor/" + other + "?ticket=" + ticket, null).code()).as("another document's ticket").isEqualTo(4401);
        assertThat(open("/ws/editor/not-a-uuid?ticket=" + ticket, null).code()).isEqualTo(4401);
        // a valid ticket, then a message that is no y-websocket message, then an update that is no yjs update
        assertThat(open("/ws/editor/" + scene + "?ticket=" + ticket, new byte[] {(byte) 0x80}).code()).isEqualTo(4400);
        assertThat(open("/ws/editor/" + scene + "?ticket=" + ticket, new byte[] {0, 2, 3, 9, 9, 9}).code()).isEqualTo(4400);
    }

    @Test
    void aStrangerGetsContentsNotFoundAndTheOwnerAWritersSession() {
        Api owner = Api.newUser(port);
        Api stranger = Api.newUser(port);
        String scene = scene(owner);
        problem(stranger.send("POST", "/api/v1/editor/document/" + scene + "/collaborate", null), 404, "scene-not-found");
        problem(stranger.send("GET", "/api/v1/editor/document/" + scene, null), 404, "scene-not-found");
        problem(stranger.send("PUT", "/api/v1/editor/document/" + scene, json(Map.of("html", "<p>Mine now</p>", "baseVersion", 1))),
                404, "scene-not-found");
        JsonNode session = owner.post("/api/v1/editor/document/" + scene + "/collaborate", null);
        assertThat(session.path("mode").asString()).isEqualTo("WRITE");
        assertThat(session.path("socket").asString()).isEqualTo("/ws/editor/" + scene);
        JsonNode document = owner.get("/api/v1/editor/document/" + scene);
        assertThat(document.path("html").asString()).isEqualTo("<p>Kept.</p>");
        assertThat(document.path("contentVersion").asInt()).isEqualTo(1);
        problem(owner.send("PUT", "/api/v1/editor/document/" + scene, json(Map.of("html", "<p>x</p>"))), 400, "base-version-required");
        problem(owner.send("PUT", "/api/v1/editor/document/" + scene, json(Map.of("baseVersion", 1))), 400, "text-required");
        problem(owner.send("PUT", "/api/v1/editor/document/" + scene, json(Map.of("plate", "p", "baseVersion", 1))), 400, "plate-invalid");
        JsonNode saved = ok(owner.send("PUT", "/api/v1/editor/document/" + scene,
                json(Map.of("plate", java.util.List.of(Map.of("type", "p", "children", java.util.List.of(Map.of("text", "New", "bold", true)))),
                        "baseVersion", 1))), 200);
        assertThat(saved.path("html").asString()).isEqualTo("<p><strong>New</strong></p>");
        assertThat(saved.path("contentVersion").asInt()).isEqualTo(2);
        problem(owner.send("PUT", "/api/v1/editor/document/" + scene, json(Map.of("html", "<p>stale</p>", "baseVersion", 1))), 409, "edit-conflict");
    }

    private static Path createData() {
        try {
            return Files.createTempDirectory("editor-socket");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
