package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.platform.TestPlatformApplication;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = TestPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.allowed-origins=https://app.example", "authorworks.web.max-body=2KB"})
class PlatformEdgeIntegrationTests {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", () -> data.toString());
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder postJson(String path, String body) {
        return to(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    }

    private JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("requestId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
        return body;
    }

    @Test
    void validBodyIsAccepted() throws Exception {
        var response = send(postJson("/api/test/open/chapters", "{\"title\":\"One\",\"words\":3000}"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("title").asString()).isEqualTo("One");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        problem(send(postJson("/api/test/open/chapters", "{\"title\":")), 400, "malformed-body");
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        var body = problem(send(postJson("/api/test/open/chapters", "{\"title\":\"x\",\"words\":\"many\"}")),
                400, "malformed-body");
        assertThat(body.path("detail").asString()).contains("words");
    }

    @Test
    void invalidFieldsAreListed() throws Exception {
        var body = problem(send(postJson("/api/test/open/chapters", "{\"title\":\"\",\"words\":-1}")),
                400, "validation-failed");
        assertThat(body.path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("title", "words");
    }

    @Test
    void declaredOversizeBodyIsRefusedWith413() throws Exception {
        String big = "{\"title\":\"" + "x".repeat(4096) + "\",\"words\":1}";
        problem(send(postJson("/api/test/open/chapters", big)), 413, "body-too-large");
    }

    @Test
    void chunkedOversizeBodyIsRefusedWith413() throws Exception {
        byte[] big = ("{\"title\":\"" + "x".repeat(4096) + "\",\"words\":1}").getBytes();
        var request = to("/api/test/open/chapters").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        problem(send(request), 413, "body-too-large");
    }

    @Test
    void multipartUploadsAreLeftToTheirOwnLimits() throws Exception {
        String boundary = "edge-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "x".repeat(8192) + "\r\n--" + boundary + "--\r\n";
        var response = send(to("/api/test/open/uploads").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("8192");
    }

    @Test
    void unknownRouteIsNotFound() throws Exception {
        problem(send(to("/no/such/page")), 404, "not-found");
    }

    @Test
    void unknownIdIsNotFoundWithTheServiceCode() throws Exception {
        problem(send(to("/api/test/open/books/" + UUID.randomUUID())), 404, "book-not-found");
    }

    @Test
    void malformedIdIsNotFound() throws Exception {
        problem(send(to("/api/test/open/books/not-a-uuid")), 404, "not-found");
    }

    @Test
    void wrongMethodIsNotAllowed() throws Exception {
        problem(send(to("/api/test/open/chapters").DELETE()), 405, "method-not-allowed");
    }

    @Test
    void wrongContentTypeIsUnsupported() throws Exception {
        var request = to("/api/test/open/chapters").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("title"));
        problem(send(request), 415, "unsupported-media-type");
    }

    @Test
    void outOfRangePageSizeIsABadRequest() throws Exception {
        problem(send(to("/api/test/open/page?size=1000")), 400, "invalid-page-size");
        var body = problem(send(to("/api/test/open/page?page=abc")), 400, "validation-failed");
        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("page");
    }

    @Test
    void ourOwnFailureIsA500WithoutInternals() throws Exception {
        var body = problem(send(to("/api/test/open/boom")), 500, "internal-error");
        assertThat(body.toString()).doesNotContain("secret internals");
    }

    @Test
    void protectedEndpointNeedsAToken() throws Exception {
        problem(send(to("/api/test/me")), 401, "authentication-required");
    }

    @Test
    void validTokenIdentifiesTheUser() throws Exception {
        UUID user = UUID.randomUUID();
        String token = TestPlatformApplication.token(user, List.of("CREATOR", "ADMIN"), Instant.now().plusSeconds(60), false);
        var response = send(to("/api/test/me").header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("id").asString()).isEqualTo(user.toString());
        assertThat(body.path("admin").asBoolean()).isTrue();
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String token = TestPlatformApplication.token(UUID.randomUUID(), List.of(), Instant.now().minusSeconds(600), false);
        problem(send(to("/api/test/me").header("Authorization", "Bearer " + token)), 401, "authentication-required");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        String token = TestPlatformApplication.token(UUID.randomUUID(), List.of(), Instant.now().plusSeconds(60), true);
        problem(send(to("/api/test/me").header("Authorization", "Bearer " + token)), 401, "authentication-required");
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"authorworks\",\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":" + (Instant.now().getEpochSecond() + 60)
                        + ",\"roles\":[\"ADMIN\"]}").getBytes());
        problem(send(to("/api/test/me").header("Authorization", "Bearer " + header + "." + claims + ".")),
                401, "authentication-required");
    }

    @Test
    void requestIdIsEchoedAndAppearsInProblems() throws Exception {
        var response = send(to("/no/such/page").header("X-Request-Id", "trace-1234567"));
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-1234567");
        assertThat(json.readTree(response.body()).path("requestId").asString()).isEqualTo("trace-1234567");
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() throws Exception {
        var allowed = send(to("/api/test/open/page").header("Origin", "https://app.example")
                .method("OPTIONS", BodyPublishers.noBody()).header("Access-Control-Request-Method", "GET"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        var refused = send(to("/api/test/open/page").header("Origin", "https://evil.example")
                .method("OPTIONS", BodyPublishers.noBody()).header("Access-Control-Request-Method", "GET"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aNulInAnyJsonStringIsRefusedNamingTheField() throws Exception {
        var body = problem(send(postJson("/api/test/open/chapters", "{\"title\":\"a\\u0000b\",\"words\":1}")),
                400, "invalid-character");
        assertThat(body.path("field").asString()).isEqualTo("title");
        assertThat(body.path("detail").asString()).contains("title");
        var nested = problem(send(postJson("/api/test/open/chapters",
                "{\"title\":\"t\",\"words\":1,\"extra\":{\"notes\":[\"ok\",\"x\\u0000\"]}}")), 400, "invalid-character");
        assertThat(nested.path("field").asString()).isEqualTo("extra.notes[1]");
        var name = problem(send(postJson("/api/test/open/chapters", "{\"title\":\"t\",\"words\":1,\"a\\u0000\":1}")),
                400, "invalid-character");
        assertThat(name.path("field").asString()).isEqualTo("a\\u0000");
    }

    @Test
    void aLoneSurrogateIsRefusedLikeANul() throws Exception {
        var body = problem(send(postJson("/api/test/open/chapters", "{\"title\":\"a\\ud800b\",\"words\":1}")),
                400, "invalid-character");
        assertThat(body.path("field").asString()).isEqualTo("title");
        // a pair is a character like any other
        var response = send(postJson("/api/test/open/chapters", "{\"title\":\"\\ud83d\\ude00\",\"words\":1}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void badPercentEncodingsInTheQueryAreProblems() throws Exception {
        problem(send(to("/api/test/open/page?q=%00")), 400, "invalid-character");
        problem(send(to("/api/test/open/page?x=%ff")), 400, "invalid-encoding");
        problem(send(to("/api/test/open/page?%ff=1")), 400, "invalid-encoding");
        problem(send(to("/api/test/open/page?q=%e2%82")), 400, "invalid-encoding");
        assertThat(send(to("/api/test/open/page?q=caf%C3%A9+au+lait")).statusCode()).isEqualTo(200);
        // escapes no URI class will build, sent as a hostile client does
        for (String query : List.of("q=%zz", "q=%", "q=%4")) {
            String raw = rawGet("/api/test/open/page?" + query);
            assertThat(raw).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"code\":\"invalid-encoding\"");
        }
    }

    private String rawGet(String target) throws Exception {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void anEncodedSlashOrNulInThePathIsAProblemNotTomcatsPage() throws Exception {
        for (String path : List.of("/api/test/open/books/a%2Fb", "/api/test/open/books/a%00b", "/x/%2F/y")) {
            var body = problem(send(to(path)), 400, "malformed-request");
            assertThat(body.path("detail").asString()).doesNotContain("Tomcat");
        }
    }

    @Test
    void malformedMultipartIsAProblem() throws Exception {
        problem(send(to("/api/test/open/uploads").header("Content-Type", "multipart/form-data")
                .POST(BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n"))),
                400, "malformed-multipart");
        String boundary = "nul-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
        var nul = problem(send(to("/api/test/open/uploads").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body))), 400, "invalid-character");
        assertThat(nul.path("detail").asString()).contains("file name");
        String field = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\na\u0000b\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
        var value = problem(send(to("/api/test/open/uploads").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(field))), 400, "invalid-character");
        assertThat(value.path("field").asString()).isEqualTo("note");
    }

    @Test
    void theCorsRefusalIsAProblem() throws Exception {
        var refused = send(to("/api/test/open/page").header("Origin", "https://evil.example"));
        problem(refused, 403, "cross-origin-refused");
    }

    @Test
    void errorCalledDirectlyIsNotFoundWhateverTheMethod() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            problem(send(to("/error").method(method, BodyPublishers.noBody())), 404, "not-found");
        }
    }

    @Test
    void validationMessagesNameNoJavaTypes() throws Exception {
        var query = send(to("/api/test/open/page?page=abc"));
        var body = problem(query, 400, "validation-failed");
        assertThat(body.path("errors").get(0).path("message").asString()).isEqualTo("must be a whole number");
        var json = send(postJson("/api/test/open/chapters", "{\"title\":\"x\",\"words\":\"many\"}"));
        assertThat(problem(json, 400, "malformed-body").path("detail").asString()).isEqualTo("Field 'words' must be a whole number.");
        var id = send(to("/api/test/open/lookup?id=nope"));
        assertThat(problem(id, 400, "invalid-parameter").path("detail").asString()).contains("'id'").contains("UUID");
        for (var response : List.of(query, json, id)) {
            assertThat(response.body()).doesNotContain("java.").doesNotContain("Integer").doesNotContain("Failed to convert");
        }
    }

    @Test
    void healthReportsTheDatabase() throws Exception {
        var response = send(to("/health/readiness"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
    }
}
