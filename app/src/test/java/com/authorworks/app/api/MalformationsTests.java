package com.authorworks.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.authorworks.app.api.ApiDocument.Operation;
import com.authorworks.app.api.ApiFuzzIntegrationTests.Finding;
import com.authorworks.app.api.ApiFuzzIntegrationTests.KnownFailure;
import com.authorworks.app.api.Malformations.Variant;
import com.authorworks.app.api.PlatformApiIntegrationTest.Resources;

/** What the fuzzer makes of an operation it has never seen, from its OpenAPI description alone. */
class MalformationsTests {

    private static final ApiDocument DOCUMENT = ApiDocument.parse(RawHttp.JSON.readTree("""
            {"paths": {
               "/api/v1/shelves/{id}/notes": {"post": {
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                                {"name": "limit", "in": "query", "required": true, "schema": {"type": "integer", "minimum": 5}}],
                 "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}}}},
               "/api/v1/shelves/{id}/scan": {"put": {
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object",
                   "properties": {"file": {"type": "string", "format": "binary"}}}}}}}},
               "/api/v1/shelves/{id}": {"delete": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]},
                                        "get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]}}},
             "components": {"schemas": {"Note": {"type": "object", "required": ["text"],
               "properties": {"text": {"type": "string"}, "pinned": {"type": "boolean"}}}}}}"""));

    private static final String SHELF = "11111111-2222-4333-8444-555555555555";
    private final Requests requests = new Requests(DOCUMENT, new Resources(Map.of("shelves/id", SHELF)));
    private final Malformations malformations = new Malformations(requests, "token");

    private Operation operation(String key) {
        return DOCUMENT.operations().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theWellFormedRequestUsesTheUsersResourceTheRequiredFieldsAndTheSchemasMinimum() {
        var request = requests.wellFormed(operation("POST /api/v1/shelves/{id}/notes"));

        assertThat(request.target()).isEqualTo("/api/v1/shelves/" + SHELF + "/notes?limit=5");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"" + Requests.TEXT + "\"}");
        assertThat(request.headers()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void everyKindThatFitsTheOperationIsTriedOnceBeforeAnyIsTriedTwice() {
        List<Variant> variants = malformations.of(operation("POST /api/v1/shelves/{id}/notes"));

        long kinds = variants.stream().map(Variant::kind).distinct().count();
        assertThat(variants).hasSize((int) Math.max(Malformations.PER_OPERATION, kinds));
        assertThat(variants).extracting(Variant::kind).contains("auth-missing", "path-nul", "path-bad-encoding", "path-unknown",
                "query-wrong-type", "query-bad-encoding", "body-missing", "body-malformed-json", "body-invalid-utf8",
                "field-null", "field-nul", "field-wrong-type").doesNotContain("multipart-no-boundary");
        assertThat(variants).filteredOn(v -> v.kind().equals("field-nul")).extracting(v -> new String(v.request().body(), StandardCharsets.UTF_8))
                .allSatisfy(body -> assertThat(body).contains("\\u0000"));
    }

    @Test
    void aMultipartOperationGetsBrokenMultipartAndNoJsonFieldVariants() {
        List<Variant> variants = malformations.of(operation("PUT /api/v1/shelves/{id}/scan"));

        assertThat(variants).extracting(Variant::kind).contains("multipart-no-boundary", "multipart-malformed", "multipart-nul-filename")
                .doesNotContain("field-nul");
        Variant noBoundary = variants.stream().filter(v -> v.kind().equals("multipart-no-boundary")).findFirst().orElseThrow();
        assertThat(noBoundary.request().headers()).containsEntry("Content-Type", "multipart/form-data");
    }

    @Test
    void theSameDocumentGivesTheSameRequestsEveryRun() {
        Operation operation = operation("POST /api/v1/shelves/{id}/notes");

        assertThat(wire(new Malformations(requests, "token").of(operation))).isEqualTo(wire(malformations.of(operation)));
    }

    private static List<String> wire(List<Variant> variants) {
        return variants.stream().map(v -> v.kind() + " " + v.detail() + " " + v.request() + " " + v.request().headers()
                + " " + (v.request().body() == null ? "" : new String(v.request().body(), StandardCharsets.UTF_8))).toList();
    }

    @Test
    void readsComeFirstAndDeletionsLast() {
        assertThat(DOCUMENT.operations()).extracting(Operation::method).containsExactly("GET", "POST", "PUT", "DELETE");
    }

    @Test
    void aKnownFailureMatchesByOperationAndKindWithStarsForAnything() {
        Finding nul = new Finding("POST /api/v1/books", "field-nul", "title", "500");

        assertThat(new KnownFailure("*", "field-nul", "x").matches(nul)).isTrue();
        assertThat(new KnownFailure("POST /api/v1/books", "field-*", "x").matches(nul)).isTrue();
        assertThat(new KnownFailure("* /api/v1/books", "*", "x").matches(nul)).isTrue();
        assertThat(new KnownFailure("* /error", "*", "x").matches(nul)).isFalse();
        assertThat(new KnownFailure("POST /api/v1/books/{id}", "field-nul", "x").matches(nul)).isFalse();
        assertThat(new KnownFailure("*", "path-nul", "x").matches(nul)).isFalse();
    }
}
