package com.authorworks.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the content integration tests share (one embedded PostgreSQL for all),
 * its data in a directory of its own that outlives each test class.
 */
@SpringBootTest(classes = ContentTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=content,storage", "authorworks.events.retry-interval=200ms",
                "authorworks.events.retry-after=500ms", "authorworks.content.publishing-poll=200ms",
                // generation progress reaches the tests' streams only as announced (NOTIFY), never by the fallback poll
                "authorworks.content.progress-poll=1h"})
public abstract class ContentIntegrationTest {

    static final Path DATA = createData();
    /** Speaks Anthropic's Messages API as documented; tests stub the answers they need. */
    static final WireMockServer ANTHROPIC = startWireMock();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
        registry.add("authorworks.content.provider-urls.anthropic", ANTHROPIC::baseUrl);
    }

    @Value("${local.server.port}")
    int port;

    Api newUser(String... roles) {
        return Api.newUser(port, roles);
    }

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    private static Path createData() {
        try {
            return Files.createTempDirectory("content-tests");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
