package com.authorworks.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import com.authorworks.platform.TestPlatformApplication;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

/** A call through a contract's client carries the caller's trace to the other process (W3C {@code traceparent}). */
class TracedContractCallsIntegrationTests {

    @HttpExchange("/api/v1/internal/trace")
    interface Traced {
        @GetExchange("/hello")
        String hello();
    }

    @TempDir
    Path data;

    @Test
    void aCallToAnotherServiceContinuesTheCallersTrace() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer callee = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callee.createContext("/api/v1/internal/trace", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst("traceparent"));
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        callee.start();
        // a process as the platform runs (not a Spring test context, which would switch tracing off)
        try (ConfigurableApplicationContext caller = new SpringApplicationBuilder(TestPlatformApplication.class)
                .properties("server.port=0", "logging.level.root=WARN", "authorworks.data=" + data,
                        ServiceTokens.PROPERTY + "=a service secret of at least thirty-two bytes").run()) {
            Traced traced = caller.getBean(ServiceClients.class).create(Traced.class, "trace",
                    URI.create("http://127.0.0.1:" + callee.getAddress().getPort()), IllegalStateException::new);
            Tracer tracer = caller.getBean(Tracer.class);
            String[] trace = new String[1];
            String answer = Observation.createNotStarted("calling", caller.getBean(ObservationRegistry.class)).observe(() -> {
                trace[0] = tracer.currentSpan().context().traceId();
                return traced.hello();
            });

            assertThat(answer).isEqualTo("hello");
            assertThat(received.get()).as("the caller's trace, a span of its own").startsWith("00-" + trace[0] + "-");
        } finally {
            callee.stop(0);
        }
    }
}
