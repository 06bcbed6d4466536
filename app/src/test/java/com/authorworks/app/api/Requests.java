package com.authorworks.app.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.authorworks.app.api.ApiDocument.Operation;
import com.authorworks.app.api.ApiDocument.Parameter;
import com.authorworks.app.api.PlatformApiIntegrationTest.Resources;
import com.authorworks.app.api.RawHttp.Request;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A well-formed request for an operation, built from its parameters and request-body schema, with
 * the ids of one user's resources wherever a path parameter or body field names one. The fuzzer
 * breaks one part of it at a time; the cross-user suite sends it as someone else.
 */
final class Requests {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Long enough for every minimum length in the document, and a valid username too. */
    static final String TEXT = "fuzz-value-0123";
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
    static final String BOUNDARY = "----authorworks-api-test";

    private final ApiDocument document;
    private final Resources resources;

    Requests(ApiDocument document, Resources resources) {
        this.document = document;
        this.resources = resources;
    }

    /** Path parameter values: the user's resource of that name, else a sample of its schema. */
    Map<String, String> pathValues(Operation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> before = operation.segmentBefore();
        for (Parameter p : operation.in("path")) {
            values.put(p.name(), resources.forPathParameter(before.getOrDefault(p.name(), ""), p.name())
                    .orElseGet(() -> scalar(unwrap(p.schema()), p.name())));
        }
        return values;
    }

    /** The parameters a caller must send, each with a sample value; objects spread into their properties (form style). */
    Map<String, String> requiredQuery(Operation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter p : queryParameters(operation)) {
            if (p.required()) {
                values.put(p.name(), scalar(p.schema(), p.name()));
            }
        }
        return values;
    }

    /** Query parameters as sent on the wire: an object parameter is its properties (OpenAPI's default form/explode style). */
    List<Parameter> queryParameters(Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter p : operation.in("query")) {
            JsonNode schema = document.resolve(p.schema());
            if (schema != null && "object".equals(schema.path("type").asString()) && schema.has("properties")) {
                for (var property : schema.get("properties").properties()) {
                    parameters.add(new Parameter(property.getKey(), "query", false, property.getValue()));
                }
            } else {
                parameters.add(p);
            }
        }
        return parameters;
    }

    static String path(Operation operation, Map<String, String> rawValues) {
        String path = operation.path();
        for (var value : rawValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    static String query(Map<String, String> rawPairs) {
        if (rawPairs.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        rawPairs.forEach((name, value) -> query.append(query.length() > 1 ? "&" : "").append(name).append('=').append(value));
        return query.toString();
    }

    static Map<String, String> encoded(Map<String, String> values) {
        Map<String, String> encoded = new LinkedHashMap<>();
        values.forEach((k, v) -> encoded.put(k, encode(v)));
        return encoded;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The whole well-formed request, path, query and body, with no credentials. */
    Request wellFormed(Operation operation) {
        String target = path(operation, encoded(pathValues(operation))) + query(encoded(requiredQuery(operation)));
        Request request = Request.of(operation.method(), target);
        if (operation.streams()) {
            request = request.header("Accept", "text/event-stream, application/problem+json");
        }
        Request base = request;
        return operation.body().map(body -> body.isMultipart() ? multipart(base, "file", "notes.txt", "text/plain", "Tide tables.".getBytes(StandardCharsets.UTF_8))
                : body.isJson() ? base.json(sample(body.schema(), "body").toString())
                : base.body(body.mediaType(), TEXT.getBytes(StandardCharsets.UTF_8))).orElse(base);
    }

    static Request multipart(Request request, String part, String filename, String contentType, byte[] content) {
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request.body("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
    }

    // --- samples of a schema -------------------------------------------------------------------

    /** The schema of a JSON body's top-level properties, by name; empty when the body is not an object. */
    Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode resolved = resolve(schema);
        if (resolved != null && !isAnyJson(schema) && resolved.has("properties")) {
            for (var property : resolved.get("properties").properties()) {
                properties.put(property.getKey(), resolve(property.getValue()));
            }
        }
        return properties;
    }

    JsonNode resolve(JsonNode schema) {
        return isAnyJson(schema) ? NODES.objectNode() : document.resolve(schema);
    }

    /**
     * A value the schema accepts. Jackson's {@code JsonNode} is documented as a bean of its getters;
     * it stands for any JSON, so an empty object is sent.
     */
    JsonNode sample(JsonNode schema, String name) {
        return sample(schema, name, 0);
    }

    private JsonNode sample(JsonNode schema, String name, int depth) {
        if (isAnyJson(schema)) {
            return NODES.objectNode();
        }
        JsonNode s = document.resolve(schema);
        if (s == null || depth > 5) {
            return NODES.nullNode();
        }
        String type = s.path("type").asString("");
        return switch (type) {
            case "object" -> {
                // only what is required: an optional field's sample could be a value the server refuses
                // (a free-text "format"), and each field is tried on its own by the fuzzer anyway
                ObjectNode object = NODES.objectNode();
                java.util.Set<String> required = new java.util.HashSet<>();
                s.path("required").forEach(r -> required.add(r.asString()));
                for (var property : s.path("properties").properties()) {
                    if (required.contains(property.getKey())) {
                        object.set(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(s.path("items"), singular(name), depth + 1));
                yield array;
            }
            case "integer" -> NODES.numberNode(Long.parseLong(number(s, name)));
            case "number" -> NODES.numberNode(new java.math.BigDecimal(number(s, name)));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(scalar(s, name));
        };
    }

    /** A sample as text, for a path or query parameter or a string field. */
    String scalar(JsonNode schema, String name) {
        JsonNode s = resolve(schema);
        if (s == null) {
            return TEXT;
        }
        if (s.has("enum")) {
            return s.get("enum").get(0).asString();
        }
        String type = s.path("type").asString("");
        if (type.equals("integer") || type.equals("number")) {
            return number(s, name);
        }
        if (type.equals("boolean")) {
            return "true";
        }
        Optional<String> own = resources.forField(name);
        if (own.isPresent()) {
            return own.get();
        }
        return switch (s.path("format").asString("")) {
            case "uuid" -> UNKNOWN_ID;
            case "email" -> "fuzz@example.test";
            case "uri", "url" -> "https://example.test/fuzz";
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            default -> name.toLowerCase(java.util.Locale.ROOT).contains("email") ? "fuzz@example.test" : TEXT;
        };
    }

    private String number(JsonNode s, String name) {
        Optional<String> own = resources.forField(name);
        if (own.isPresent() && own.get().matches("-?\\d+")) {
            return own.get();
        }
        if (s.has("minimum")) {
            return s.get("minimum").asString();
        }
        if (s.has("maximum") && s.get("maximum").asDouble() < 1) {
            return s.get("maximum").asString();
        }
        return "1";
    }

    /** A typed id documented as an object of one property ({@code UserId{value}}) is that property on the wire. */
    JsonNode unwrap(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s != null && "object".equals(s.path("type").asString()) && s.path("properties").size() == 1) {
            return s.get("properties").values().iterator().next();
        }
        return s;
    }

    static boolean isAnyJson(JsonNode schema) {
        return schema != null && schema.path("$ref").asString("").endsWith("/JsonNode");
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
