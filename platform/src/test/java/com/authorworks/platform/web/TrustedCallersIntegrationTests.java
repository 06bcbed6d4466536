package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.platform.TestPlatformApplication;

import tools.jackson.databind.json.JsonMapper;

/**
 * The test client is on loopback, which is a trusted proxy by default but here not a metrics
 * scraper: metrics need the scrapers' token, and what the proxy forwards is believed.
 */
@SpringBootTest(classes = TestPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "AUTHORWORKS_METRICS_SCRAPERS=10.0.0.0/8",
                "AUTHORWORKS_METRICS_TOKEN=" + TrustedCallersIntegrationTests.SCRAPE_TOKEN,
                "management.endpoints.web.base-path=/",
                "management.endpoints.web.exposure.include=health,prometheus",
                "management.endpoints.web.path-mapping.prometheus=metrics"})
class TrustedCallersIntegrationTests {

    static final String SCRAPE_TOKEN = "scrape-token-for-the-homelab-prometheus";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", () -> data.toString());
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreRefusedToAnAddressThatIsNotAScraper() throws Exception {
        HttpResponse<String> refused = get("/metrics");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonMapper.builder().build().readTree(refused.body()).path("code").asString())
                .isEqualTo("metrics-forbidden");
        assertThat(refused.body()).doesNotContain("jvm_");
    }

    @Test
    void metricsAnswerTheScrapersToken() throws Exception {
        HttpResponse<String> scraped = get("/metrics", "Authorization", "Bearer " + SCRAPE_TOKEN);
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void metricsRefuseAWrongTokenAndAnAccessToken() throws Exception {
        assertThat(get("/metrics", "Authorization", "Bearer " + SCRAPE_TOKEN + "x").statusCode()).isEqualTo(403);
        assertThat(get("/metrics", "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.").statusCode()).isEqualTo(403);
    }

    @Test
    void healthStaysOpen() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void hstsIsSentWhenTheTrustedProxySaysTheRequestCameOverHttps() throws Exception {
        assertThat(get("/health", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        assertThat(get("/health", "Forwarded", "proto=https;host=books.example").headers()
                .firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void noHstsOverPlainHttp() throws Exception {
        assertThat(get("/health").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(get("/health", "X-Forwarded-Proto", "http").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
