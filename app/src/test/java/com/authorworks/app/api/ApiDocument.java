package com.authorworks.app.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The operations of the platform's own OpenAPI document ({@code /v3/api-docs}), with schemas
 * resolved, so the suites cover every endpoint there is, including ones added after them.
 */
record ApiDocument(List<Operation> operations, Map<String, JsonNode> schemas) {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Reads first and deletions last, so a fuzzed request never removes what a later one needs. */
    private static final Comparator<Operation> ORDER = Comparator.<Operation>comparingInt(o -> METHODS.indexOf(o.method().toLowerCase(Locale.ROOT)))
            .thenComparing(o -> o.method().equals("DELETE") ? -o.path().length() : 0)
            .thenComparing(Operation::path);

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** The request body in the one media type the fuzzer speaks for it: JSON, else multipart, else the first. */
    record Body(String mediaType, JsonNode schema, boolean required) {

        boolean isJson() {
            return mediaType.contains("json");
        }

        boolean isMultipart() {
            return mediaType.startsWith("multipart/");
        }
    }

    record Operation(String method, String path, List<Parameter> parameters, Optional<Body> body, List<String> produces) {

        String key() {
            return method + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        /** The literal segment before each {@code {parameter}} of the path, by parameter name. */
        Map<String, String> segmentBefore() {
            Map<String, String> before = new LinkedHashMap<>();
            String previous = "";
            for (String segment : path.split("/")) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    before.put(segment.substring(1, segment.length() - 1), previous);
                } else {
                    previous = segment;
                }
            }
            return before;
        }

        boolean streams() {
            return produces.stream().anyMatch(p -> p.startsWith("text/event-stream"));
        }

        @Override
        public String toString() {
            return key();
        }
    }

    static ApiDocument parse(JsonNode document) {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        JsonNode components = document.path("components").path("schemas");
        for (String name : components.propertyNames()) {
            schemas.put(name, components.get(name));
        }
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
                    for (JsonNode p : list) {
                        parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(),
                                p.path("required").asBoolean(false), p.path("schema")));
                    }
                }
                List<String> produces = new ArrayList<>();
                for (JsonNode response : operation.path("responses")) {
                    produces.addAll(response.path("content").propertyNames());
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, List.copyOf(parameters),
                        body(operation.path("requestBody")), List.copyOf(produces)));
            }
        }
        operations.sort(ORDER);
        return new ApiDocument(List.copyOf(operations), Map.copyOf(schemas));
    }

    private static Optional<Body> body(JsonNode requestBody) {
        JsonNode content = requestBody.path("content");
        if (content.isEmpty()) {
            return Optional.empty();
        }
        List<String> types = new ArrayList<>(content.propertyNames());
        String chosen = types.stream().filter(t -> t.contains("json")).findFirst()
                .or(() -> types.stream().filter(t -> t.startsWith("multipart/")).findFirst())
                .orElse(types.getFirst());
        return Optional.of(new Body(chosen, content.get(chosen).path("schema"), requestBody.path("required").asBoolean(false)));
    }

    /** The schema itself, with a {@code $ref} to {@code #/components/schemas/...} followed. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asString();
            current = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }
}
