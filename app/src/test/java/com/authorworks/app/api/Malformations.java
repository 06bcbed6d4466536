package com.authorworks.app.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.authorworks.app.api.ApiDocument.Operation;
import com.authorworks.app.api.ApiDocument.Parameter;
import com.authorworks.app.api.RawHttp.Request;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed variants of one operation's well-formed request, each breaking one thing: the
 * credentials, one path or query parameter, the body as a whole, one field of it, or the multipart
 * framing. What is generated follows the operation's parameters and request-body schema, so a new
 * endpoint is fuzzed the day it is documented. At most {@link #PER_OPERATION} per operation, drawn
 * with a fixed seed from every kind in turn, so each kind is always tried and a run is repeatable.
 */
final class Malformations {

    static final int PER_OPERATION = 24;
    private static final long SEED = 20261201L;
    private static final String HUGE = "x".repeat(3000);
    /** Past every length limit in the document but a scene's (400,000), without costing the server much. */
    private static final String HUGE_FIELD = "y".repeat(30_000);

    /** One malformed request: {@code kind} is what the known-failure list names, {@code detail} which part and how. */
    record Variant(String kind, String detail, Request request) {
    }

    private final Requests requests;
    private final String token;

    Malformations(Requests requests, String token) {
        this.requests = requests;
        this.token = token;
    }

    List<Variant> of(Operation operation) {
        Map<String, List<Variant>> byKind = new LinkedHashMap<>();
        Request wellFormed = requests.wellFormed(operation).bearer(token);
        Map<String, String> path = Requests.encoded(requests.pathValues(operation));
        Map<String, String> query = Requests.encoded(requests.requiredQuery(operation));

        add(byKind, "auth-missing", "no Authorization header", wellFormed.bearer(null));
        add(byKind, "auth-malformed", "Bearer not-a-token", wellFormed.header("Authorization", "Bearer not.a.token"));
        add(byKind, "auth-malformed", "Basic credentials", wellFormed.header("Authorization", "Basic Zm9vOmJhcg=="));
        add(byKind, "cors-foreign-origin", "Origin: https://evil.example", wellFormed.header("Origin", "https://evil.example"));

        for (Parameter p : operation.in("path")) {
            String name = p.name();
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-malformed", "not-an-id", "not-an-id");
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-malformed", "negative number", "-1");
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-malformed", "number too big", "99999999999999999999");
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-unknown", "an id nobody has", Requests.UNKNOWN_ID);
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-huge", "3000 characters", HUGE);
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-nul", "%00", "%00");
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-nul", "%00 inside an id", "%00" + path.get(name));
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-encoded-slash", "%2F", "a%2Fb");
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-bad-encoding", "%ff (not UTF-8)", "%ff");
            pathVariant(byKind, operation, wellFormed, path, query, name, "path-bad-encoding", "%zz (not hex)", "%zz");
        }

        for (Parameter p : requests.queryParameters(operation)) {
            String name = p.name();
            JsonNode schema = requests.resolve(p.schema());
            String type = schema == null ? "" : schema.path("type").asString("");
            if (type.equals("integer") || type.equals("number")) {
                queryVariant(byKind, operation, wellFormed, path, query, name, "query-wrong-type", "not a number", "abc");
                queryVariant(byKind, operation, wellFormed, path, query, name, "query-wrong-type", "number too big", "99999999999999999999");
                queryVariant(byKind, operation, wellFormed, path, query, name, "query-wrong-type", "negative", "-1");
            } else if (type.equals("boolean")) {
                queryVariant(byKind, operation, wellFormed, path, query, name, "query-wrong-type", "not a boolean", "maybe");
            } else {
                queryVariant(byKind, operation, wellFormed, path, query, name, "query-wrong-type", "unknown value", "no-such-value");
            }
            queryVariant(byKind, operation, wellFormed, path, query, name, "query-empty", "empty", "");
            queryVariant(byKind, operation, wellFormed, path, query, name, "query-nul", "%00", "%00");
            queryVariant(byKind, operation, wellFormed, path, query, name, "query-nul", "%00 inside text", "a%00b");
            queryVariant(byKind, operation, wellFormed, path, query, name, "query-bad-encoding", "%ff (not UTF-8)", "%ff");
            queryVariant(byKind, operation, wellFormed, path, query, name, "query-bad-encoding", "%zz (not hex)", "%zz");
            queryVariant(byKind, operation, wellFormed, path, query, name, "query-bad-encoding", "lone %", "%");
            queryVariant(byKind, operation, wellFormed, path, query, name, "query-huge", "3000 characters", HUGE);
        }
        for (Parameter p : operation.in("header")) {
            add(byKind, "header-malformed", p.name() + ": not what it should be", wellFormed.header(p.name(), "not-what-it-should-be"));
            add(byKind, "header-malformed", p.name() + ": unbalanced quote", wellFormed.header(p.name(), "W/\"12"));
            add(byKind, "header-malformed", p.name() + ": 3000 characters", wellFormed.header(p.name(), HUGE));
        }
        String base = Requests.path(operation, path);
        Map<String, String> badName = new LinkedHashMap<>(query);
        badName.put("%ff", "1");
        add(byKind, "query-bad-encoding", "parameter name %ff", wellFormed.target(base + Requests.query(badName)));

        operation.body().ifPresent(body -> {
            if (body.isMultipart()) {
                multipart(byKind, wellFormed);
            } else if (body.isJson()) {
                json(byKind, wellFormed, body.schema());
            }
        });

        return bounded(operation, byKind);
    }

    private void pathVariant(Map<String, List<Variant>> byKind, Operation operation, Request wellFormed, Map<String, String> path,
            Map<String, String> query, String name, String kind, String detail, String raw) {
        Map<String, String> values = new LinkedHashMap<>(path);
        values.put(name, raw);
        add(byKind, kind, "{" + name + "} " + detail, wellFormed.target(Requests.path(operation, values) + Requests.query(query)));
    }

    private void queryVariant(Map<String, List<Variant>> byKind, Operation operation, Request wellFormed, Map<String, String> path,
            Map<String, String> query, String name, String kind, String detail, String raw) {
        Map<String, String> values = new LinkedHashMap<>(query);
        values.put(name, raw);
        add(byKind, kind, name + "= " + detail, wellFormed.target(Requests.path(operation, path) + Requests.query(values)));
    }

    private void json(Map<String, List<Variant>> byKind, Request wellFormed, JsonNode schema) {
        byte[] valid = wellFormed.body();
        add(byKind, "body-missing", "no body", wellFormed.body("application/json", new byte[0]));
        add(byKind, "body-missing", "no body and no content type", new Request(wellFormed.method(), wellFormed.target(),
                wellFormed.headers(), null).header("Content-Type", null));
        add(byKind, "body-empty-object", "{}", wellFormed.json("{}"));
        add(byKind, "body-malformed-json", "cut off", wellFormed.json("{\"a\":"));
        add(byKind, "body-malformed-json", "not JSON", wellFormed.json("<xml/>"));
        add(byKind, "body-malformed-json", "nested 5000 deep", wellFormed.json("[".repeat(5000) + "]".repeat(5000)));
        add(byKind, "body-wrong-shape", "array", wellFormed.json("[]"));
        add(byKind, "body-wrong-shape", "string", wellFormed.json("\"text\""));
        add(byKind, "body-wrong-shape", "null", wellFormed.json("null"));
        add(byKind, "body-wrong-shape", "number", wellFormed.json("12"));
        add(byKind, "body-invalid-utf8", "bytes C3 28 in a string", wellFormed.body("application/json", invalidUtf8(schema)));
        add(byKind, "body-wrong-content-type", "text/plain", wellFormed.body("text/plain", valid));
        add(byKind, "body-wrong-content-type", "form-urlencoded", wellFormed.body("application/x-www-form-urlencoded", "a=b".getBytes(StandardCharsets.UTF_8)));
        add(byKind, "body-wrong-content-type", "unknown charset", wellFormed.body("application/json; charset=no-such-charset", valid));
        add(byKind, "body-wrong-content-type", "unparseable", wellFormed.body("application/json;;;=", valid));

        ObjectNode base = requests.sample(schema, "body") instanceof ObjectNode object ? object : null;
        if (base == null) {
            return;
        }
        for (var field : requests.properties(schema).entrySet()) {
            String name = field.getKey();
            String type = field.getValue() == null ? "" : field.getValue().path("type").asString("");
            fieldVariant(byKind, wellFormed, base, name, "field-null", "null", Requests.NODES.nullNode());
            switch (type) {
                case "string" -> {
                    fieldVariant(byKind, wellFormed, base, name, "field-wrong-type", "number", Requests.NODES.numberNode(12));
                    fieldVariant(byKind, wellFormed, base, name, "field-wrong-type", "object", Requests.NODES.objectNode());
                    fieldVariant(byKind, wellFormed, base, name, "field-nul", "\\u0000 inside", Requests.NODES.stringNode("a\u0000b"));
                    fieldVariant(byKind, wellFormed, base, name, "field-control-characters", "lone surrogate \\ud800",
                            Requests.NODES.stringNode("a\ud800b"));
                    fieldVariant(byKind, wellFormed, base, name, "field-huge", "30,000 characters", Requests.NODES.stringNode(HUGE_FIELD));
                }
                case "integer", "number" -> {
                    fieldVariant(byKind, wellFormed, base, name, "field-wrong-type", "string", Requests.NODES.stringNode("abc"));
                    fieldVariant(byKind, wellFormed, base, name, "field-wrong-type", "fraction", Requests.NODES.numberNode(1.5));
                    fieldVariant(byKind, wellFormed, base, name, "field-huge", "1e400",
                            Requests.NODES.numberNode(new java.math.BigDecimal("1e400")));
                    fieldVariant(byKind, wellFormed, base, name, "field-huge", "negative", Requests.NODES.numberNode(-99999999999L));
                }
                case "boolean" -> fieldVariant(byKind, wellFormed, base, name, "field-wrong-type", "string", Requests.NODES.stringNode("yes"));
                case "array" -> {
                    fieldVariant(byKind, wellFormed, base, name, "field-wrong-type", "string", Requests.NODES.stringNode("abc"));
                    var nul = Requests.NODES.arrayNode().add("a\u0000b");
                    fieldVariant(byKind, wellFormed, base, name, "field-nul", "[\"\\u0000\"]", nul);
                    var many = Requests.NODES.arrayNode();
                    for (int i = 0; i < 1_000; i++) {
                        many.add(Requests.UNKNOWN_ID);
                    }
                    fieldVariant(byKind, wellFormed, base, name, "field-huge", "1,000 items", many);
                }
                default -> {
                    fieldVariant(byKind, wellFormed, base, name, "field-wrong-type", "string", Requests.NODES.stringNode("abc"));
                    fieldVariant(byKind, wellFormed, base, name, "field-nul", "{\"\\u0000\":\"\\u0000\"}",
                            Requests.NODES.objectNode().put("a\u0000b", "c\u0000d"));
                }
            }
        }
    }

    private void fieldVariant(Map<String, List<Variant>> byKind, Request wellFormed, ObjectNode base, String name, String kind,
            String detail, JsonNode value) {
        ObjectNode body = base.deepCopy();
        body.set(name, value);
        add(byKind, kind, name + ": " + detail, wellFormed.json(body.toString()));
    }

    /** The well-formed body with the first string field made of bytes that are not UTF-8. */
    private byte[] invalidUtf8(JsonNode schema) {
        String marker = "@@not-utf-8@@";
        String json = null;
        if (requests.sample(schema, "body") instanceof ObjectNode object) {
            for (var field : requests.properties(schema).entrySet()) {
                if (field.getValue() != null && "string".equals(field.getValue().path("type").asString(""))) {
                    json = object.deepCopy().put(field.getKey(), marker).toString();
                    break;
                }
            }
        }
        if (json == null) {
            json = "{\"x\":\"" + marker + "\"}";
        }
        int at = json.indexOf(marker);
        byte[] before = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[before.length + 2 + after.length];
        System.arraycopy(before, 0, bytes, 0, before.length);
        bytes[before.length] = (byte) 0xC3;
        bytes[before.length + 1] = (byte) 0x28;
        System.arraycopy(after, 0, bytes, before.length + 2, after.length);
        return bytes;
    }

    private void multipart(Map<String, List<Variant>> byKind, Request wellFormed) {
        byte[] text = "Tide tables.".getBytes(StandardCharsets.UTF_8);
        byte[] valid = wellFormed.body();
        add(byKind, "multipart-no-boundary", "multipart/form-data without boundary", wellFormed.body("multipart/form-data", valid));
        add(byKind, "multipart-malformed", "body does not use the boundary", wellFormed.body(
                "multipart/form-data; boundary=" + Requests.BOUNDARY, "no parts here".getBytes(StandardCharsets.UTF_8)));
        add(byKind, "multipart-malformed", "no closing boundary", wellFormed.body("multipart/form-data; boundary=" + Requests.BOUNDARY,
                ("--" + Requests.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc")
                        .getBytes(StandardCharsets.UTF_8)));
        add(byKind, "multipart-malformed", "part without headers", wellFormed.body("multipart/form-data; boundary=" + Requests.BOUNDARY,
                ("--" + Requests.BOUNDARY + "\r\n\r\nabc\r\n--" + Requests.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        add(byKind, "multipart-missing-part", "part named other", Requests.multipart(wellFormed, "other", "a.txt", "text/plain", text));
        add(byKind, "multipart-missing-part", "empty multipart", wellFormed.body("multipart/form-data; boundary=" + Requests.BOUNDARY,
                ("--" + Requests.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        add(byKind, "multipart-nul-filename", "\\u0000 in the file name", Requests.multipart(wellFormed, "file", "a\u0000b.txt", "text/plain", text));
        add(byKind, "multipart-hostile-filename", "../ in the file name", Requests.multipart(wellFormed, "file", "../../etc/passwd", "text/plain", text));
        add(byKind, "multipart-hostile-filename", "5000-character file name",
                Requests.multipart(wellFormed, "file", "n".repeat(5000) + ".txt", "text/plain", text));
        add(byKind, "multipart-hostile-filename", "empty file name", Requests.multipart(wellFormed, "file", "", "text/plain", text));
        add(byKind, "multipart-empty-file", "zero bytes", Requests.multipart(wellFormed, "file", "a.txt", "text/plain", new byte[0]));
        add(byKind, "multipart-bad-content-type", "part type unparseable", Requests.multipart(wellFormed, "file", "a.txt", ";;;", text));
        add(byKind, "body-missing", "no body", wellFormed.body("multipart/form-data; boundary=" + Requests.BOUNDARY, new byte[0]));
        add(byKind, "body-wrong-content-type", "JSON instead of multipart", wellFormed.json("{}"));
        add(byKind, "body-wrong-content-type", "unparseable", wellFormed.body(";;;", valid));
    }

    private static void add(Map<String, List<Variant>> byKind, String kind, String detail, Request request) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Variant(kind, detail, request));
    }

    /** Every kind in turn, each kind's variants in a seeded order, until the budget is spent. */
    private static List<Variant> bounded(Operation operation, Map<String, List<Variant>> byKind) {
        Random random = new Random(SEED ^ operation.key().hashCode());
        List<List<Variant>> queues = new ArrayList<>();
        for (List<Variant> variants : byKind.values()) {
            List<Variant> shuffled = new ArrayList<>(variants);
            Collections.shuffle(shuffled, random);
            queues.add(shuffled);
        }
        // every kind at least once, even if there are ever more kinds than the budget
        int budget = Math.max(PER_OPERATION, queues.size());
        List<Variant> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < budget; round++) {
            boolean any = false;
            for (List<Variant> queue : queues) {
                if (round < queue.size() && chosen.size() < budget) {
                    chosen.add(queue.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return chosen;
    }
}
