package com.authorworks.editor;

import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.authorworks.platform.testing.Api;

import tools.jackson.databind.JsonNode;

/**
 * The editor as the split deployment runs it: its own process and database, deciding access and reading and saving
 * scenes only through content's {@code Scenes} contract over HTTP. The owner gets a writer's ticket that opens the
 * socket in the editor's process, a save there becomes content's next version, and a stranger is refused as at content.
 */
@Timeout(300)
class EditorInItsOwnProcessIntegrationTests {

    private static final String SECRET = "a-service-secret-of-at-least-32-characters";

    @TempDir
    Path data;

    private ConfigurableApplicationContext process(String services, String... more) {
        return new SpringApplicationBuilder(EditorTestApplication.class).properties("server.port=0", "logging.level.root=WARN",
                "authorworks.services=" + services, "authorworks.data=" + data.resolve(services.replace(',', '-')),
                "authorworks.security.service-secret=" + SECRET).properties(more).run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aSceneAtContentIsEditedThroughTheEditorInAnotherProcess() throws Exception {
        try (ConfigurableApplicationContext content = process("content,storage");
             ConfigurableApplicationContext editor = process("editor", "authorworks.content.url=http://localhost:" + port(content))) {
            assertThat(content.getBeanNamesForType(EditorAutoConfiguration.class)).isEmpty();
            Api owner = Api.newUser(port(content));
            Api ownerAtEditor = owner.at(port(editor));
            String book = ok(owner.send("POST", "/api/v1/books", json(Map.of("title", "Far Harbour"))), 201).path("id").asString();
            String chapter = ok(owner.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201)
                    .path("id").asString();
            String scenes = "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes/";
            String scene = ok(owner.send("POST", "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                    json(Map.of("title", "Quay", "content", "<p>The tide came in.</p>"))), 201).path("id").asString();

            problem(Api.newUser(port(editor)).send("POST", "/api/v1/editor/document/" + scene + "/collaborate", null), 404,
                    "scene-not-found");
            JsonNode session = ownerAtEditor.post("/api/v1/editor/document/" + scene + "/collaborate", null);
            assertThat(session.path("mode").asString()).isEqualTo("WRITE");
            assertThat(firstMessage(port(editor), scene, session.path("ticket").asString())[0])
                    .as("the server's sync step 1 opens the conversation").isZero();

            JsonNode document = ownerAtEditor.get("/api/v1/editor/document/" + scene);
            assertThat(document.path("html").asString()).isEqualTo("<p>The tide came in.</p>");
            JsonNode saved = ok(ownerAtEditor.send("PUT", "/api/v1/editor/document/" + scene,
                    json(Map.of("html", "<p>The tide came in, and the boats with it.</p>", "baseVersion", 1))), 200);
            assertThat(saved.path("contentVersion").asInt()).isEqualTo(2);
            JsonNode atContent = owner.get(scenes + scene);
            assertThat(atContent.path("content").asString()).isEqualTo("<p>The tide came in, and the boats with it.</p>");
            assertThat(atContent.path("version").asInt()).isEqualTo(2);
            problem(ownerAtEditor.send("PUT", "/api/v1/editor/document/" + scene, json(Map.of("html", "<p>stale</p>", "baseVersion", 1))),
                    409, "edit-conflict");
        }
    }

    /** Opens the editor's socket with the ticket and answers the first binary message the server sends. */
    private static byte[] firstMessage(int port, String scene, String ticket) throws Exception {
        CompletableFuture<byte[]> first = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/editor/" + scene + "?ticket=" + ticket), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer message, boolean last) {
                        byte[] bytes = new byte[message.remaining()];
                        message.get(bytes);
                        first.complete(bytes);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        first.completeExceptionally(new AssertionError("closed " + statusCode + " " + reason));
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            return first.get(30, TimeUnit.SECONDS);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
