package com.authorworks.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class ReadyAddressTests {

    @Test
    void theAddressToOpenIsTheBoundHostOrLocalhostForEveryInterface() {
        assertThat(ReadyAddress.address(null, 8080)).isEqualTo("http://localhost:8080");
        assertThat(ReadyAddress.address("0.0.0.0", 8080)).isEqualTo("http://localhost:8080");
        assertThat(ReadyAddress.address("::", 9000)).isEqualTo("http://localhost:9000");
        assertThat(ReadyAddress.address("127.0.0.1", 9000)).isEqualTo("http://127.0.0.1:9000");
        assertThat(ReadyAddress.address("::1", 9000)).isEqualTo("http://[::1]:9000");
    }

    @Test
    void saysReadyOnlyOnceHealthAnswers() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            // not healthy for the first two probes, as while the database starts
            int status = probes.incrementAndGet() <= 2 ? 503 : 200;
            byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            String address = ReadyAddress.address(null, server.getAddress().getPort());
            new ReadyAddress(new PrintStream(printed, true, StandardCharsets.UTF_8)).announce(address, Duration.ofSeconds(30));

            assertThat(probes.get()).isEqualTo(3);
            assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("AuthorWorks is ready at " + address + System.lineSeparator());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void saysSoWhenTheServerNeverGetsHealthy() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            String address = ReadyAddress.address("127.0.0.1", server.getAddress().getPort());
            new ReadyAddress(new PrintStream(printed, true, StandardCharsets.UTF_8)).announce(address, Duration.ofMillis(600));

            assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("AuthorWorks started at " + address + " but is not healthy yet (HTTP 503")
                    .doesNotContain("is ready");
        } finally {
            server.stop(0);
        }
    }
}
