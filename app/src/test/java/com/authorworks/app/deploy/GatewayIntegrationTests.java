package com.authorworks.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as deployed: the real nginx with {@code deploy/nginx/nginx.conf}, every service's
 * {@code host:port} pointed at a fake service here that answers with its name and the path it was
 * asked for (the editor and media are not started: the gateway must cope with a missing service).
 */
class GatewayIntegrationTests {

    static final Path CONFIG = Path.of("..", "deploy", "nginx", "nginx.conf").toAbsolutePath().normalize();
    static final String NGINX = "/usr/sbin/nginx";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The services and seed ports the configuration names; the ones not started answer nothing. */
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();
    static final List<String> NOT_DEPLOYED = List.of("editor", "media");

    static {
        SERVICES.put("web", 3000);
        SERVICES.put("identity", 3001);
        SERVICES.put("content", 3002);
        SERVICES.put("storage", 3003);
        SERVICES.put("editor", 3004);
        SERVICES.put("subscriptions", 3005);
        SERVICES.put("messaging", 3006);
        SERVICES.put("discovery", 3007);
        SERVICES.put("media", 3008);
    }

    static final List<HttpServer> fakes = new ArrayList<>();
    static Process nginx;
    static int gateway;

    @BeforeAll
    static void start(@TempDir Path prefix) throws Exception {
        assertThat(Path.of(NGINX)).as("nginx is needed (Debian package nginx; ./authorworks test installs it)").exists();
        String config = Files.readString(CONFIG);
        gateway = freePort();
        config = config.replace("listen 8080;", "listen 127.0.0.1:" + gateway + ";");
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            String address = service.getKey() + ":" + service.getValue() + ";";
            assertThat(config).as("the gateway names " + service.getKey() + " at its seed port").contains(" " + address);
            int port = NOT_DEPLOYED.contains(service.getKey()) ? freePort() : fake(service.getKey());
            config = config.replace(" " + address, " 127.0.0.1:" + port + ";");
        }
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config);
        nginx = new ProcessBuilder(NGINX, "-p", prefix.toString(), "-c", conf.toString(),
                "-g", "daemon off; pid " + prefix.resolve("nginx.pid") + ";")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (var socket = new java.net.Socket("127.0.0.1", gateway)) {
                break;
            } catch (IOException notYet) {
                assertThat(nginx.isAlive()).as(() -> "nginx exited: " + read(prefix.resolve("nginx.log"))).isTrue();
                assertThat(System.nanoTime()).as("nginx to listen").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        fakes.forEach(server -> server.stop(0));
    }

    @Test
    void theRealConfigurationPassesNginxsOwnTest(@TempDir Path prefix) throws Exception {
        Process test = new ProcessBuilder(NGINX, "-t", "-p", prefix.toString(), "-c", CONFIG.toString(),
                "-g", "pid " + prefix.resolve("nginx.pid") + ";").redirectErrorStream(true).start();
        String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(test.waitFor()).as(output).isZero();
        assertThat(output).contains("test is successful");
    }

    /** The gateway's configuration as scripts/deploy.sh k8s makes it: the cluster's resolver, in-cluster names, still valid. */
    @Test
    void theKubernetesVariantPassesNginxsOwnTestAndNamesEveryServiceInTheCluster(@TempDir Path prefix) throws Exception {
        Path conf = prefix.resolve("nginx.conf");
        Process make = new ProcessBuilder(CONFIG.getParent().getParent().getParent().resolve("scripts/gateway-conf-for-k8s.sh").toString(),
                "10.43.0.10", "authorworks").redirectInput(CONFIG.toFile()).redirectOutput(conf.toFile()).start();
        assertThat(make.waitFor()).isZero();
        String k8s = java.nio.file.Files.readString(conf);
        assertThat(k8s).contains("resolver 10.43.0.10 ").doesNotContain("127.0.0.11");
        SERVICES.forEach((service, port) -> assertThat(k8s).contains(
                "set $" + service + " " + service + ".authorworks.svc.cluster.local:" + port + ";"));
        Process test = new ProcessBuilder(NGINX, "-t", "-p", prefix.toString(), "-c", conf.toString(),
                "-g", "pid " + prefix.resolve("nginx.pid") + ";").redirectErrorStream(true).start();
        String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(test.waitFor()).as(output).isZero();
    }

    @Test
    void everyApiPathReachesItsServiceAndTheSeedsPathsMapOntoOurs() throws Exception {
        Map<String, String[]> routes = new LinkedHashMap<>();
        routes.put("/api/v1/auth/login", new String[] {"identity", "/api/v1/auth/login"});
        routes.put("/.well-known/jwks.json", new String[] {"identity", "/.well-known/jwks.json"});
        routes.put("/api/v1/users/me", new String[] {"identity", "/api/v1/users/me"});
        routes.put("/api/v1/users/42/books", new String[] {"content", "/api/v1/users/42/books"});
        routes.put("/api/v1/books/7/status", new String[] {"content", "/api/v1/books/7/status"});
        routes.put("/api/v1/books/7/events", new String[] {"content", "/api/v1/books/7/events"});
        routes.put("/api/v1/provider-keys", new String[] {"content", "/api/v1/provider-keys"});
        routes.put("/api/v1/usage", new String[] {"content", "/api/v1/usage"});
        routes.put("/api/v1/files/9/download", new String[] {"storage", "/api/v1/files/9/download"});
        routes.put("/api/v1/subscriptions/mine", new String[] {"subscriptions", "/api/v1/subscriptions/mine"});
        routes.put("/api/v1/creators/5/tiers", new String[] {"subscriptions", "/api/v1/creators/5/tiers"});
        routes.put("/api/v1/payments/stripe/webhook", new String[] {"subscriptions", "/api/v1/payments/stripe/webhook"});
        routes.put("/api/v1/notifications?page=2", new String[] {"messaging", "/api/v1/notifications?page=2"});
        routes.put("/api/v1/discover/books?q=sea", new String[] {"discovery", "/api/v1/discover/books?q=sea"});
        routes.put("/books/42", new String[] {"web", "/books/42"});
        // the seed's service paths
        routes.put("/api/users/me", new String[] {"identity", "/api/v1/users/me"});
        routes.put("/api/content/books/7", new String[] {"content", "/api/v1/books/7"});
        routes.put("/api/storage/files/9", new String[] {"storage", "/api/v1/files/9"});
        routes.put("/api/messaging/notifications", new String[] {"messaging", "/api/v1/notifications"});
        routes.put("/api/discovery/trending", new String[] {"discovery", "/api/v1/discover/trending"});
        for (Map.Entry<String, String[]> route : routes.entrySet()) {
            HttpResponse<String> response = get(route.getKey(), Map.of());
            assertThat(response.statusCode()).as(route.getKey()).isEqualTo(200);
            JsonNode seen = JSON.readTree(response.body());
            assertThat(seen.path("service").asString()).as(route.getKey()).isEqualTo(route.getValue()[0]);
            assertThat(seen.path("path").asString()).as(route.getKey()).isEqualTo(route.getValue()[1]);
            assertThat(seen.path("requestId").asString()).as("a request id is added").isNotBlank();
        }
        // Authelia's headers reach the service as sent
        JsonNode withRemoteUser = JSON.readTree(get("/api/v1/books", Map.of("Remote-User", "ada", "Remote-Groups", "admins")).body());
        assertThat(withRemoteUser.path("remoteUser").asString()).isEqualTo("ada");
        assertThat(withRemoteUser.path("remoteGroups").asString()).isEqualTo("admins");
    }

    @Test
    void contractsAreRefusedAndAMissingServiceIsAProblemNotAnNginxPage() throws Exception {
        assertThat(get("/api/v1/internal/storage/files", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> editor = get("/api/v1/editor/document/1", Map.of());
        assertThat(editor.statusCode()).isEqualTo(503);
        assertThat(editor.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(editor.body()).path("code").asString()).isEqualTo("service-unavailable");
        assertThat(get("/api/editor/document/1", Map.of()).statusCode()).as("the seed's path to the same service").isEqualTo(503);
        assertThat(get("/api/v1/audio/projects", Map.of()).statusCode()).as("audiobooks are media's, not started here").isEqualTo(503);
    }

    @Test
    void healthAggregatesEveryServiceAndSaysWhichCannotBeReached() throws Exception {
        HttpResponse<String> health = get("/health", Map.of());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode all = JSON.readTree(health.body());
        for (String service : SERVICES.keySet()) {
            assertThat(all.path(service).path("status").asString()).as(service)
                    .isEqualTo(NOT_DEPLOYED.contains(service) ? "UNREACHABLE" : "UP");
        }
        assertThat(all.path("gateway").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void webSocketsAreUpgradedAndGenerationIsRateLimited() throws Exception {
        JsonNode ws = JSON.readTree(upgrade("/ws"));
        assertThat(ws.path("service").asString()).isEqualTo("messaging");
        assertThat(ws.path("upgrade").asString()).isEqualTo("websocket");
        assertThat(ws.path("connection").asString()).isEqualToIgnoringCase("upgrade");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway + "/api/v1/books/generate"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertThat(statuses.subList(0, 4)).as("one request and a burst of three").containsOnly(200);
        assertThat(statuses.subList(4, 6)).containsOnly(429);
        HttpResponse<String> limited = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway + "/api/v1/books/generate"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(limited.body()).path("code").asString()).isEqualTo("too-many-generations");
    }

    @Test
    void theAppsHashedAssetsAreCachedAndJsonIsCompressed() throws Exception {
        assertThat(get("/assets/index-abc123.js", Map.of()).headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=31536000, immutable");
        assertThat(get("/books/42", Map.of()).headers().firstValue("Cache-Control")).hasValue("no-cache");
        HttpResponse<String> big = get("/api/v1/discover/books?big=1", Map.of("Accept-Encoding", "gzip"));
        assertThat(big.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway + path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A WebSocket handshake's request (which java.net.http does not let a caller write), and the body of the answer. */
    private static String upgrade(String path) throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", gateway)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int length = -1;
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            assertThat(length).as("the fake service's answer has a length").isPositive();
            char[] body = new char[length];
            for (int read = 0; read < length; ) {
                read += in.read(body, read, length - read);
            }
            return new String(body);
        }
    }

    /** A fake service: its health is UP, and every other request is answered with what it received. */
    private static int fake(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            Map<String, Object> seen = new LinkedHashMap<>();
            if (uri.equals("/health")) {
                seen.put("status", "UP");
            } else {
                seen.put("service", name);
                seen.put("path", uri);
                seen.put("requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
                seen.put("upgrade", String.valueOf(exchange.getRequestHeaders().getFirst("Upgrade")));
                seen.put("connection", String.valueOf(exchange.getRequestHeaders().getFirst("Connection")));
                seen.put("remoteUser", String.valueOf(exchange.getRequestHeaders().getFirst("Remote-User")));
                seen.put("remoteGroups", String.valueOf(exchange.getRequestHeaders().getFirst("Remote-Groups")));
                if (uri.contains("big=1")) {
                    seen.put("padding", "x".repeat(4096));
                }
            }
            byte[] body = JSON.writeValueAsBytes(seen);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        fakes.add(server);
        return server.getAddress().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
