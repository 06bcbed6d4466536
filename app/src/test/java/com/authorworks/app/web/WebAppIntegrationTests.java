package com.authorworks.app.web;

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

import com.authorworks.AuthorWorksApplication;

/**
 * The whole platform over HTTP with a stand-in app in {@code src/test/resources/static} (so this
 * test does not depend on the npm build; the browser tests in {@code e2e/} use the real one).
 */
@SpringBootTest(classes = AuthorWorksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no identity service in this test: an address is enough, keys are fetched only to check a token
        properties = "authorworks.security.jwks-uri=http://127.0.0.1:9/jwks.json")
class WebAppIntegrationTests {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", () -> data.toString());
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertApp(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("data-fixture=\"web-app-index\"");
    }

    @Test
    void appRouteGetsTheAppOnAHardRefresh() throws Exception {
        HttpResponse<String> response = get("/books/42", HTML);
        assertApp(response);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void theApiDocumentIsTitledAfterTheProduct() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", "application/json");
        assertThat(docs.statusCode()).isEqualTo(200);
        var info = tools.jackson.databind.json.JsonMapper.builder().build().readTree(docs.body()).path("info");
        assertThat(info.path("title").asString()).isEqualTo(ApiDocumentation.TITLE);
        assertThat(info.path("version").asString()).isNotEqualTo("v0").isNotBlank();
    }

    @Test
    void appRouteWithQueryGetsTheApp() throws Exception {
        assertApp(get("/verify-email?token=abc", HTML));
    }

    @Test
    void rootGetsTheApp() throws Exception {
        assertApp(get("/", HTML));
    }

    @Test
    void assetsAreServedAndCachedForGood() throws Exception {
        HttpResponse<String> response = get("/assets/app-test.js", "*/*");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("fixture");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000").contains("immutable"));
    }

    @Test
    void missingAssetIsANotFoundProblemEvenForABrowser() throws Exception {
        HttpResponse<String> response = get("/assets/gone-1234.js", HTML);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void unknownApiPathIsAProblemEvenForABrowser() throws Exception {
        HttpResponse<String> response = get("/api/v1/no-such-thing", HTML);
        assertThat(response.statusCode()).isIn(401, 404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("web-app-index");
    }

    @Test
    void unknownPathAskedForJsonIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/books/42", "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"not-found\"");
    }

    @Test
    void healthIsStillHealth() throws Exception {
        HttpResponse<String> response = get("/health", HTML + ",application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }
}
