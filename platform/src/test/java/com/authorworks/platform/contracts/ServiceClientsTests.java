package com.authorworks.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.observation.ObservationRegistry;

/**
 * The contract clients against a real HTTP server (the JDK's): bytes stream both ways, the caller's
 * credentials travel as ADR 0006 says, refusals become problems, outages the callee's exception, and
 * a callee that keeps failing is not called at all while the breaker is open.
 */
class ServiceClientsTests {

    /** A contract as a service publishes one. */
    @HttpExchange("/api/v1/internal/echo")
    interface Echo {
        @PostExchange(value = "/count", contentType = "application/octet-stream")
        long count(@RequestHeader(Contracts.ON_BEHALF_OF) UserId user, @RequestBody InputStream bytes);

        @GetExchange(value = "/bytes", accept = "application/octet-stream")
        InputStream bytes(@RequestHeader(Contracts.ON_BEHALF_OF) UserId user);

        @GetExchange("/fail")
        String fail(@RequestHeader(Contracts.ON_BEHALF_OF) UserId user);

        @PostExchange("/fail")
        String failPost(@RequestHeader(Contracts.ON_BEHALF_OF) UserId user);

        @GetExchange("/refuse")
        String refuse(@RequestHeader(Contracts.ON_BEHALF_OF) UserId user);
    }

    static final class EchoUnavailable extends RuntimeException {
        EchoUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String SECRET = "a secret of at least thirty-two bytes, for tests";
    private static final long MEGABYTE = 1 << 20;

    private final ServiceTokens tokens = new ServiceTokens(SECRET, "content", Clock.systemUTC());
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lastHeaders = new ConcurrentHashMap<>();
    private final CountDownLatch serverGotBytes = new CountDownLatch(1);
    private final CountDownLatch clientGotBytes = new CountDownLatch(1);
    private HttpServer server;
    private Echo echo;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("authorworks.contracts.attempts", "3")
                .withProperty("authorworks.contracts.circuit-minimum-calls", "4")
                .withProperty("authorworks.contracts.circuit-open-for", "1h");
        environment.setConversionService(new org.springframework.boot.convert.ApplicationConversionService());
        echo = new ServiceClients(Optional.of(tokens), environment, ObservationRegistry.NOOP).create(Echo.class, "echo",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), EchoUnavailable::new);
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        try {
            server.stop(0);
        } catch (IllegalStateException alreadyStopped) {
            // the test stopped it
        }
    }

    private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/api/v1/internal/echo".length());
        String key = exchange.getRequestMethod() + " " + path;
        requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        exchange.getRequestHeaders().forEach((name, values) -> lastHeaders.put(name.toLowerCase(), values));
        switch (key) {
            case "POST /count" -> {
                long count = 0;
                byte[] buffer = new byte[64 * 1024];
                try (InputStream in = exchange.getRequestBody()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        count += n;
                        serverGotBytes.countDown();
                    }
                }
                answer(exchange, 200, "application/json", String.valueOf(count));
            }
            case "GET /bytes" -> {
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(new byte[(int) MEGABYTE]);
                    out.flush();
                    await(clientGotBytes, "the client to read the first megabyte before the rest is sent");
                    out.write(new byte[(int) MEGABYTE]);
                }
            }
            case "GET /fail", "POST /fail" -> answer(exchange, 503, "application/problem+json",
                    "{\"status\":503,\"code\":\"echo-down\",\"detail\":\"Down for a moment.\"}");
            case "GET /refuse" -> answer(exchange, 409, "application/problem+json",
                    "{\"status\":409,\"code\":\"quota-exceeded\",\"detail\":\"Too much.\",\"quota\":10}");
            default -> answer(exchange, 404, "text/plain", "no");
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void await(CountDownLatch latch, String what) throws IOException {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IOException("Gave up waiting for " + what + ": the bytes were held back, not streamed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void anUploadIsSentWhileItIsStillBeingRead() {
        UserId user = UserId.random();
        // Two megabytes, the second only once the server has received bytes of the first: a client that
        // buffered the body before sending would wait for ever (and this stream gives up, failing the test).
        InputStream body = new InputStream() {
            private long sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (sent == MEGABYTE) {
                    await(serverGotBytes, "the server to receive the first megabyte before the rest is read");
                }
                if (sent == 2 * MEGABYTE) {
                    return -1;
                }
                long limit = sent < MEGABYTE ? MEGABYTE : 2 * MEGABYTE;
                int n = (int) Math.min(length, limit - sent);
                sent += n;
                return n;
            }
        };
        assertThat(echo.count(user, body)).isEqualTo(2 * MEGABYTE);
    }

    @Test
    void aDownloadReachesTheCallerWhileItIsStillBeingSent() throws IOException {
        try (InputStream in = echo.bytes(UserId.random())) {
            assertThat(in.readNBytes((int) MEGABYTE)).hasSize((int) MEGABYTE);
            clientGotBytes.countDown();
            assertThat(in.readAllBytes()).hasSize((int) MEGABYTE);
        }
    }

    @Test
    void withoutASignedInUserTheCallCarriesAServiceTokenForThatUserAndThatCallee() {
        UserId owner = UserId.random();
        echo.count(owner, InputStream.nullInputStream());
        assertThat(lastHeaders).doesNotContainKey("authorization");
        String token = lastHeaders.get(Contracts.SERVICE_TOKEN.toLowerCase()).getFirst();
        assertThat(tokens.verify(token, "echo")).hasValueSatisfying(caller -> {
            assertThat(caller.service()).isEqualTo("content");
            assertThat(caller.actingFor()).contains(owner);
        });
        assertThat(tokens.verify(token, "storage")).as("made for one callee only").isEmpty();
        assertThat(new ServiceTokens("another secret of at least thirty-two bytes", "x", Clock.systemUTC()).verify(token, "echo"))
                .isEmpty();
    }

    @Test
    void theSignedInUsersOwnTokenTravelsWhenTheCallIsForThem() {
        UserId user = UserId.random();
        signIn(user, "the-users-token");
        echo.count(user, InputStream.nullInputStream());
        assertThat(lastHeaders.get("authorization")).containsExactly("Bearer the-users-token");
        assertThat(lastHeaders).doesNotContainKey(Contracts.SERVICE_TOKEN.toLowerCase());

        // ...and never for someone else: then a service token names whom the call is for.
        UserId owner = UserId.random();
        lastHeaders.clear();
        echo.count(owner, InputStream.nullInputStream());
        assertThat(lastHeaders).doesNotContainKey("authorization");
        assertThat(tokens.verify(lastHeaders.get(Contracts.SERVICE_TOKEN.toLowerCase()).getFirst(), "echo"))
                .hasValueSatisfying(caller -> assertThat(caller.actingFor()).contains(owner));
    }

    @Test
    void aRefusalIsTheCalleesProblemAndIsNeitherRetriedNorCountedAgainstIt() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> echo.refuse(UserId.random())).isInstanceOfSatisfying(Problem.class, problem -> {
                assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(problem.code()).isEqualTo("quota-exceeded");
                assertThat(problem.getMessage()).isEqualTo("Too much.");
                assertThat(problem.properties()).containsEntry("quota", 10);
            });
        }
        assertThat(requests.get("GET /refuse").get()).isEqualTo(6);
    }

    @Test
    void anOutageIsRetriedWhenSafeThenTheBreakerStopsCallingTheCallee() {
        assertThatThrownBy(() -> echo.fail(UserId.random())).isInstanceOf(EchoUnavailable.class)
                .hasMessageContaining("503").hasMessageContaining("Down for a moment.");
        assertThat(requests.get("GET /fail").get()).as("a GET is tried three times").isEqualTo(3);

        assertThatThrownBy(() -> echo.failPost(UserId.random())).isInstanceOf(EchoUnavailable.class);
        assertThat(requests.get("POST /fail").get()).as("a POST is never repeated").isEqualTo(1);

        // Four failures in the window (the GET's three tries, the POST): the breaker is open and the callee left alone.
        int before = requests.get("GET /fail").get() + requests.get("POST /fail").get();
        assertThatThrownBy(() -> echo.fail(UserId.random())).isInstanceOf(EchoUnavailable.class)
                .hasMessageContaining("unavailable");
        assertThatThrownBy(() -> echo.count(UserId.random(), InputStream.nullInputStream())).isInstanceOf(EchoUnavailable.class);
        assertThat(requests.get("GET /fail").get() + requests.get("POST /fail").get()).isEqualTo(before);
        assertThat(requests).doesNotContainKey("POST /count");
    }

    @Test
    void aCalleeThatCannotBeReachedIsTheCalleesUnavailableException() throws IOException {
        server.stop(0);
        assertThatThrownBy(() -> echo.fail(UserId.random())).isInstanceOf(EchoUnavailable.class)
                .hasMessageContaining("cannot be reached");
    }

    private static void signIn(UserId user, String tokenValue) {
        Jwt jwt = Jwt.withTokenValue(tokenValue).header("alg", "RS256").subject(user.toString())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }
}
