package com.authorworks.subscriptions;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The subscriptions service alone on embedded PostgreSQL over real HTTP, in test mode, shared by the
 * suites that extend this (one configuration, so Spring starts it once). Renewals run only when a
 * test asks, after moving the billing clock.
 */
@SpringBootTest(classes = SubscriptionsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=subscriptions", "authorworks.subscriptions.renewal-poll=1h"})
abstract class ServiceIntegrationTest {

    static final Path DATA = Path.of("target", "it-data", "subscriptions-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;
}
