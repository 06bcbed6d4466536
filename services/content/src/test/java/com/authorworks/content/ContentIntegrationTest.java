package com.authorworks.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the content integration tests share (one embedded PostgreSQL for all),
 * its data in a directory of its own that outlives each test class.
 */
@SpringBootTest(classes = ContentTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=content"})
abstract class ContentIntegrationTest {

    static final Path DATA = createData();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;

    Api newUser(String... roles) {
        return Api.newUser(port, roles);
    }

    private static Path createData() {
        try {
            return Files.createTempDirectory("content-tests");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
