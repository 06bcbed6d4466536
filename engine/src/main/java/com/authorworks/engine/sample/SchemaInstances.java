package com.authorworks.engine.sample;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates a valid instance of a JSON schema (objects, arrays with item counts and uniqueness, string
 * enums, integer and number ranges, booleans). Property names steer the content so the engine's own
 * schemas get sensible answers: names are names, settings are places, facts are about who is present.
 */
final class SchemaInstances {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Random random;
    private final PromptFacts prompt;
    private final Set<String> usedNames = new HashSet<>();
    private String lastName;
    private boolean lastSubjectIsPlace;

    SchemaInstances(Random random, PromptFacts prompt) {
        this.random = random;
        this.prompt = prompt;
    }

    JsonNode instance(JsonNode schema) {
        return value(schema, "");
    }

    private JsonNode value(JsonNode schema, String name) {
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "object" -> object(schema);
            case "array" -> array(schema, name);
            case "integer" -> F.numberNode(between(schema.path("minimum").asInt(1), schema.path("maximum").asInt(100)));
            case "number" -> F.numberNode(schema.path("minimum").asDouble(0) + random.nextDouble()
                    * (schema.path("maximum").asDouble(1) - schema.path("minimum").asDouble(0)));
            case "boolean" -> F.booleanNode(random.nextBoolean());
            default -> F.stringNode(string(schema, name));
        };
    }

    private ObjectNode object(JsonNode schema) {
        ObjectNode node = F.objectNode();
        for (var property : schema.path("properties").properties()) {
            node.set(property.getKey(), value(property.getValue(), property.getKey()));
        }
        return node;
    }

    private ArrayNode array(JsonNode schema, String name) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(min + 3);
        JsonNode items = schema.path("items");
        int count = switch (name) {
            // the sample writer checks nothing, so it never claims a contradiction
            case "contradictions" -> min;
            case "aliases" -> Math.min(max, Math.max(min, lastName != null && lastName.contains(" ") ? 1 : 0));
            case "facts" -> Math.min(max, Math.max(min, 2 + random.nextInt(2)));
            default -> between(min, max);
        };
        ArrayNode array = F.arrayNode();
        if (items.has("enum")) {
            List<String> options = new ArrayList<>();
            items.path("enum").values().forEach(v -> options.add(v.asString()));
            java.util.Collections.shuffle(options, random);
            boolean unique = schema.path("uniqueItems").asBoolean(false);
            for (int i = 0; i < count; i++) {
                array.add(unique ? options.get(i % options.size()) : Vocabulary.pick(random, options));
                if (unique && i + 1 >= options.size()) {
                    break;
                }
            }
            return array;
        }
        for (int i = 0; i < count; i++) {
            array.add(value(items, singular(name)));
        }
        return array;
    }

    private String string(JsonNode schema, String name) {
        if (schema.has("enum")) {
            List<String> options = new ArrayList<>();
            schema.path("enum").values().forEach(v -> options.add(v.asString()));
            if (name.equals("kind") && options.contains("PLACE")) {
                return lastSubjectIsPlace ? "PLACE" : "CHARACTER";
            }
            return Vocabulary.pick(random, options);
        }
        return switch (name) {
            case "name" -> newName();
            case "alias" -> lastName.split(" ")[0];
            case "title" -> "The " + Vocabulary.pick(random, Vocabulary.ADJECTIVES) + " " + Vocabulary.pick(random, Vocabulary.NOUNS);
            case "setting" -> Vocabulary.pick(random, Vocabulary.PLACES);
            case "genre" -> prompt.author().genre() != null ? prompt.author().genre() : Vocabulary.pick(random, Vocabulary.GENRES);
            case "logline", "synopsis", "premise" -> prompt.author().ideaInBrief(300) != null
                    ? SampleLanguageModel.SHORT_MARKER + " After the author's idea: " + prompt.author().ideaInBrief(300) + " "
                            + prose(schema.path("description").asString("").toLowerCase(Locale.ROOT))
                    : SampleLanguageModel.SHORT_MARKER + " " + prose(schema.path("description").asString("").toLowerCase(Locale.ROOT));
            case "subject" -> subject();
            case "attribute" -> lastSubjectIsPlace ? Vocabulary.pick(random, List.of("condition", "atmosphere"))
                    : Vocabulary.pick(random, List.of("location", "mood", "carrying"));
            case "value" -> lastSubjectIsPlace ? Vocabulary.pick(random, List.of("storm-damaged", "crowded", "locked", "quiet"))
                    : Vocabulary.pick(random, Vocabulary.MOODS) + ", near " + Vocabulary.pick(random, Vocabulary.PLACES)
                    + ", with " + Vocabulary.pick(random, Vocabulary.OBJECTS);
            default -> SampleLanguageModel.SHORT_MARKER + " " + prose(schema.path("description").asString("").toLowerCase(Locale.ROOT));
        };
    }

    private String subject() {
        List<String> people = prompt.characters();
        lastSubjectIsPlace = prompt.setting() != null && (people.isEmpty() || random.nextInt(4) == 0);
        return lastSubjectIsPlace ? prompt.setting() : people.isEmpty() ? Vocabulary.pick(random, Vocabulary.NAMES) : Vocabulary.pick(random, people);
    }

    private String newName() {
        for (String name : prompt.author().names()) {
            if (usedNames.add(name)) {
                lastName = name;
                return name;
            }
        }
        for (int i = 0; i < Vocabulary.NAMES.size() * 2; i++) {
            String name = Vocabulary.pick(random, Vocabulary.NAMES);
            if (usedNames.add(name)) {
                lastName = name;
                return name;
            }
        }
        lastName = "Extra " + usedNames.size();
        usedNames.add(lastName);
        return lastName;
    }

    private String prose(String description) {
        int sentences = description.contains("paragraph") ? 8 : description.contains("words") ? 5 : 2;
        return new SampleProse(random, prompt, false).sentences(sentences);
    }

    private int between(int min, int max) {
        return max <= min ? min : min + random.nextInt(max - min + 1);
    }

    private static String singular(String name) {
        return name.endsWith("es") && name.equals("aliases") ? "alias" : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
