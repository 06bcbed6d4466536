package com.authorworks.editor;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.authorworks.content.SceneId;
import com.authorworks.editor.internal.sync.SharedDocuments;

import tools.jackson.databind.JsonNode;

/**
 * The sync server against real yjs clients: npm's yjs and y-websocket, run by node's test runner
 * (js/test/sync.test.mjs) against this server on a real port and embedded PostgreSQL. The server is
 * stopped and started again on the same port and data in the middle of one case, as a deploy would.
 */
@Timeout(600)
class SyncWithRealClientsIntegrationTests {

    static final Path DATA = temp("editor-data");
    static final Path OUT = temp("editor-out");
    static int port;
    static ConfigurableApplicationContext server;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = startServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static ConfigurableApplicationContext startServer() {
        return new SpringApplicationBuilder(EditorTestApplication.class).properties(
                "server.port=" + port, "logging.level.root=WARN", "logging.level.com.authorworks.editor=INFO",
                "authorworks.services=content,storage,editor", "authorworks.data=" + DATA,
                // compact often, so the cases run through many compactions
                "authorworks.editor.compact-every=25", "authorworks.editor.ticket-lifetime=10m",
                "authorworks.editor.write-back=300ms").run();
    }

    @Test
    @SuppressWarnings("unchecked")
    void realYjsClientsConvergeJoinLateReconnectAndSurviveARestart() throws Exception {
        Api owner = Api.newUser(port);
        Api reader = Api.newUser(port);
        String book = ok(owner.send("POST", "/api/v1/books", json(Map.of("title", "Salt and Wire"))), 201).path("id").asString();
        String chapter = ok(owner.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201).path("id").asString();
        Map<String, Object> cases = new LinkedHashMap<>();
        for (String name : List.of("converge", "awareness", "offline", "restart", "viewer", "link")) {
            String scene = ok(owner.send("POST", "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                    json(Map.of("title", name, "content", "<p>Once upon a time.</p>"))), 201).path("id").asString();
            JsonNode session = owner.post("/api/v1/editor/document/" + scene + "/collaborate", null);
            assertThat(session.path("mode").asString()).isEqualTo("WRITE");
            cases.put(name, new LinkedHashMap<>(Map.of("doc", scene, "write", session.path("ticket").asString())));
        }
        ((Map<String, Object>) cases.get("link")).put("token", owner.token);
        ok(owner.send("POST", "/api/v1/books/" + book + "/publish", null), 200);
        Map<String, Object> viewer = (Map<String, Object>) cases.get("viewer");
        JsonNode readOnly = reader.post("/api/v1/editor/document/" + viewer.get("doc") + "/collaborate", null);
        assertThat(readOnly.path("mode").asString()).isEqualTo("READ");
        viewer.put("read", readOnly.path("ticket").asString());

        Path js = Path.of("js").toAbsolutePath();
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "test/sync.test.mjs")
                .directory(js.toFile()).redirectErrorStream(true).redirectOutput(OUT.resolve("node.log").toFile());
        node.environment().put("EDITOR_WS", "ws://localhost:" + port + "/ws/editor");
        node.environment().put("EDITOR_CASES", json(cases));
        node.environment().put("EDITOR_OUT", OUT.toString());
        node.environment().put("EDITOR_HTTP", "http://localhost:" + port);
        Process clients = node.start();
        try {
            Path request = OUT.resolve("restart.request");
            while (clients.isAlive() && !Files.exists(request)) {
                clients.waitFor(100, TimeUnit.MILLISECONDS);
            }
            if (Files.exists(request)) {
                server.close();
                server = startServer();
                // before any client is back: the restarted server already holds every edit made before it went down
                SceneId restarted = new SceneId(UUID.fromString((String) ((Map<?, ?>) cases.get("restart")).get("doc")));
                SharedDocuments documents = server.getBean(SharedDocuments.class);
                String document = documents.yjs().json(documents.state(restarted));
                for (int i = 0; i < 20; i++) {
                    assertThat(document).contains("before" + i + " ");
                }
                assertThat(document).doesNotContain("while-down");
                Files.writeString(OUT.resolve("restart.done"), "");
            }
            assertThat(clients.waitFor(300, TimeUnit.SECONDS)).as("the node clients finish").isTrue();
        } finally {
            clients.destroyForcibly();
        }
        String log = Files.readString(OUT.resolve("node.log"), StandardCharsets.UTF_8);
        System.out.println(log);
        assertThat(clients.exitValue()).as(log).isZero();
        assertThat(log).contains("pass 6").contains("fail 0");

        // compaction folded the converge case's log into snapshots many times over, and the document it
        // keeps is byte for byte what a fresh Y.Doc holding the clients' document encodes itself as
        SceneId converge = new SceneId(UUID.fromString((String) ((Map<?, ?>) cases.get("converge")).get("doc")));
        SharedDocuments documents = server.getBean(SharedDocuments.class);
        byte[] clientsState = Files.readAllBytes(OUT.resolve("converge.bin"));
        assertThat(documents.yjs().canonical(documents.state(converge))).isEqualTo(clientsState);
        JdbcClient db = server.getBean(JdbcClient.class);
        assertThat(db.sql("SELECT count(*) FROM editor.document_snapshots WHERE document_id = :id").param("id", converge.value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(db.sql("SELECT count(*) FROM editor.document_updates WHERE document_id = :id").param("id", converge.value())
                .query(Long.class).single()).as("the last peer leaving compacts the log").isZero();
    }

    private static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
