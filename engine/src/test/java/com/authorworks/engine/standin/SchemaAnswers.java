package com.authorworks.engine.standin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a structured request with an instance of its JSON schema (object, array, string, integer,
 * number, boolean, enum; minItems/maxItems, uniqueItems, minimum/maximum, required), the way a model
 * reading the schema would: property names steer the values (name, title, summary, description, beats,
 * subject, attribute, value, kind...), names in an enum are chosen from it, and the world stays
 * consistent (characters, places, objects). A character's description, goal and flaw each carry a
 * planted fact (its traits).
 *
 * <p>An extraction request (a list of fact items, or nothing but summaries) gets everything the prompt
 * established that the server recognises: every planted fact token in the prompt goes into the fact
 * list (the last mentioned first; all of them unless the protocol enforces {@code maxItems}), and summaries restate
 * every planted sentence the prompt contains. How long that runs is the caller's {@code max_tokens}
 * to cut, like a model that rambles.
 */
final class SchemaAnswers {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> ROLES = List.of("protagonist", "antagonist", "mentor", "ally", "rival", "confidant", "foil", "witness");
    private static final List<String> FEATURES = List.of("a burn scar along the left wrist", "grey eyes and a broken front tooth",
            "close-cropped white hair", "a limp from an old fall", "ink-stained fingers", "a voice hoarse from the sea",
            "a tattoo of a heron behind one ear", "a habit of humming when nervous");
    private static final List<String> WANTS = List.of("recover the deed", "clear the family name on charge", "find the ship's manifest",
            "buy back the mill under lease", "expose the forged will", "reach the northern pass with permit");
    private static final List<String> FLAWS = List.of("cannot refuse a wager, and still owes on marker", "lies when cornered, and signed a false statement",
            "trusts no one since the betrayal recorded in file", "drinks to forget, and pawned the family ring under ticket");
    private static final List<String> GENRES = List.of("literary mystery", "maritime thriller", "historical fantasy", "gothic romance");
    private static final List<String> TONES = List.of("brooding and tender", "taut and wry", "melancholy, with flashes of humour");
    private static final List<String> RULES = List.of("Keep sentences concrete and physical.", "Let each scene turn on a choice.",
            "Ground every paragraph in one sense besides sight.", "Prefer verbs to adjectives.", "End scenes on a change, not a summary.",
            "Give secondary characters one telling gesture.");
    private static final List<String> VERBS = List.of("confronts", "bargains with", "hides from", "follows", "confides in", "tests",
            "rescues", "misleads");

    private final World world;
    private final String prompt;
    private final Random rng;
    private final boolean enforceItemLimits;
    private final List<PlantedFact> recognised;
    private final List<PlantedFact> restated;
    private final Set<String> people = new LinkedHashSet<>();
    private final List<Prose.Candidate> traits = new ArrayList<>();
    private boolean extraction;

    SchemaAnswers(World world, String prompt, Random rng, boolean enforceItemLimits) {
        this.world = world;
        this.prompt = prompt;
        this.rng = rng;
        this.enforceItemLimits = enforceItemLimits;
        this.recognised = world.factsIn(prompt);
        this.restated = recognised.stream().filter(f -> prompt.contains(f.sentence())).toList();
        people.addAll(world.namesIn(prompt, World.CHARACTER));
    }

    /** Trait facts the answer plants (to be planted once the answer survives its cut). */
    List<Prose.Candidate> traits() {
        return traits;
    }

    /** Facts of the prompt the answer reports, when it is an extraction answer. */
    List<PlantedFact> recognised() {
        return extraction ? recognised : List.of();
    }

    JsonNode answer(JsonNode schema) {
        extraction = hasFactList(schema) || summariesOnly(schema);
        return value(schema, "", new ObjectNode(F), 0);
    }

    private JsonNode value(JsonNode schema, String name, ObjectNode siblings, int index) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asString()));
            world.knowNamesFrom(values);
            return F.stringNode(choose(values, name, siblings));
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("string");
        return switch (type) {
            case "object" -> object(schema, index);
            case "array" -> array(schema, name, siblings);
            case "integer" -> F.numberNode(integer(schema, name));
            case "number" -> F.numberNode(integer(schema, name) + Math.round(rng.nextDouble() * 100) / 100.0);
            case "boolean" -> F.booleanNode(rng.nextBoolean());
            case "null" -> F.nullNode();
            default -> F.stringNode(string(name, siblings, index));
        };
    }

    private ObjectNode object(JsonNode schema, int index) {
        ObjectNode node = F.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (var property : schema.path("properties").properties()) {
            if (required.isEmpty() || required.contains(property.getKey()) || rng.nextInt(3) > 0) {
                node.set(property.getKey(), value(property.getValue(), property.getKey(), node, index));
            }
        }
        return node;
    }

    private ArrayNode array(JsonNode schema, String name, ObjectNode siblings) {
        JsonNode items = schema.path("items");
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(Math.max(min, 3));
        ArrayNode array = F.arrayNode();
        String n = name.toLowerCase(Locale.ROOT);
        if (isFactItem(items)) {
            // the latest in the prompt first: what the text ends with is what it is about
            List<PlantedFact> newestFirst = new ArrayList<>(recognised);
            java.util.Collections.reverse(newestFirst);
            int limit = enforceItemLimits ? Math.min(max, newestFirst.size()) : newestFirst.size();
            for (PlantedFact fact : newestFirst.subList(0, limit)) {
                array.add(factItem(items, fact));
            }
            return array;
        }
        if (n.contains("contradiction") || n.contains("problem") || n.contains("error") || n.contains("issue")) {
            return array; // a model rarely finds any (minItems allowing)
        }
        int count;
        if (n.contains("alias")) {
            count = Math.max(min, Math.min(max, 1));
        } else if (n.equals("characters") && items.has("enum")) {
            count = min + rng.nextInt(Math.max(1, Math.min(max, 3) - min + 1));
        } else {
            count = min + rng.nextInt(Math.max(1, max - min + 1));
        }
        Set<String> used = new HashSet<>();
        boolean unique = schema.path("uniqueItems").asBoolean(false) || items.has("enum");
        for (int i = 0; i < count; i++) {
            JsonNode item = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                item = items.has("enum") ? F.stringNode(choose(remaining(items, used), n, siblings)) : value(items, singular(n), siblings, i);
                if (!unique || used.add(item.toString())) {
                    break;
                }
                item = null;
            }
            if (item != null) {
                array.add(item);
            }
        }
        return array;
    }

    private List<String> remaining(JsonNode enumSchema, Set<String> used) {
        List<String> values = new ArrayList<>();
        enumSchema.get("enum").forEach(v -> {
            if (!used.contains(F.stringNode(v.asString()).toString())) {
                values.add(v.asString());
            }
        });
        world.knowNamesFrom(values);
        return values.isEmpty() ? List.of(enumSchema.get("enum").get(0).asString()) : values;
    }

    private ObjectNode factItem(JsonNode items, PlantedFact fact) {
        ObjectNode node = F.objectNode();
        for (var property : items.path("properties").properties()) {
            String p = property.getKey().toLowerCase(Locale.ROOT);
            JsonNode schema = property.getValue();
            if (schema.has("enum")) {
                List<String> values = new ArrayList<>();
                schema.get("enum").forEach(v -> values.add(v.asString()));
                node.put(property.getKey(), values.stream().filter(v -> v.equalsIgnoreCase(fact.kind())).findFirst().orElse(values.getFirst()));
            } else if (p.contains("subject") || p.equals("name") || p.contains("entity") || p.equals("who")) {
                node.put(property.getKey(), fact.subject());
            } else if (p.contains("attribute") || p.contains("aspect") || p.equals("property")) {
                node.put(property.getKey(), fact.attribute());
            } else if (p.contains("kind") || p.contains("type") || p.contains("category")) {
                node.put(property.getKey(), fact.kind());
            } else if (p.contains("value") || p.contains("state") || p.contains("detail") || p.contains("fact")) {
                node.put(property.getKey(), fact.value());
            } else {
                node.set(property.getKey(), value(schema, property.getKey(), node, 0));
            }
        }
        return node;
    }

    private String choose(List<String> values, String name, ObjectNode siblings) {
        // the point of view is one of those present when the scene lists them first
        if (name.equalsIgnoreCase("pov") && siblings.has("characters")) {
            List<String> present = new ArrayList<>();
            siblings.get("characters").forEach(c -> present.add(c.asString()));
            present.retainAll(values);
            if (!present.isEmpty()) {
                return present.get(rng.nextInt(present.size()));
            }
        }
        return values.get(rng.nextInt(values.size()));
    }

    private long integer(JsonNode schema, String name) {
        long min = schema.path("minimum").asLong(name.toLowerCase(Locale.ROOT).contains("word") ? 400 : 1);
        long max = schema.path("maximum").asLong(Math.max(min, name.toLowerCase(Locale.ROOT).contains("word") ? 1500 : 10));
        if (name.toLowerCase(Locale.ROOT).contains("word")) {
            long mid = (min + max) / 2;
            long spread = Math.max(1, (max - min) / 5);
            return Math.max(min, Math.min(max, mid - spread + (long) (rng.nextDouble() * 2 * spread)));
        }
        return min + (long) (rng.nextDouble() * (max - min + 1));
    }

    private String string(String name, ObjectNode siblings, int index) {
        String n = name.toLowerCase(Locale.ROOT);
        String owner = siblings.path("name").asString("");
        String first = owner.contains(" ") ? owner.substring(0, owner.indexOf(' ')) : owner;
        if (n.equals("name") || n.equals("fullname")) {
            String person = world.personName(rng, people);
            return person;
        }
        if (n.contains("alias") || n.contains("nickname")) {
            return first.isEmpty() ? world.personName(rng, people).split(" ")[0] : first;
        }
        if (n.equals("role")) {
            return ROLES.get(index < 2 ? index : 2 + rng.nextInt(ROLES.size() - 2));
        }
        if (!owner.isEmpty() && (n.contains("description") || n.contains("appearance"))) {
            return trait(owner, n, first + " has " + pick(FEATURES) + ", and wears a signet ring engraved %s.");
        }
        if (!owner.isEmpty() && (n.contains("goal") || n.contains("want") || n.contains("motivation"))) {
            return trait(owner, n, first + " wants to " + pick(WANTS) + " %s before winter.");
        }
        if (!owner.isEmpty() && n.contains("flaw")) {
            return trait(owner, n, first + " " + pick(FLAWS) + " %s.");
        }
        if (n.contains("arc")) {
            return (first.isEmpty() ? "The hero" : first) + " learns that what was lost can be carried differently.";
        }
        if (n.contains("title")) {
            return "The " + pick(List.of("Salt", "Lantern", "Hollow", "Ember", "Tide", "Glass", "Iron")) + " "
                    + pick(List.of("Ledger", "Crossing", "Vigil", "Debt", "Harbour", "Letters", "Winter"));
        }
        if (extraction && (n.contains("summary") || n.equals("synopsis") || n.contains("recap"))) {
            return restatement();
        }
        if (n.equals("setting") || n.contains("location") || n.equals("place") || n.equals("where")) {
            List<String> places = world.namesIn(prompt, World.PLACE);
            return places.isEmpty() || rng.nextInt(4) == 0 ? world.placeName(rng) : places.get(rng.nextInt(places.size()));
        }
        if (n.equals("beat") || n.equals("beats") || n.contains("event")) {
            List<String> present = new ArrayList<>();
            siblings.path("characters").forEach(c -> present.add(c.asString()));
            if (present.isEmpty()) {
                present.addAll(people);
            }
            String a = present.isEmpty() ? "The stranger" : present.get(rng.nextInt(present.size()));
            String b = present.size() > 1 ? present.get(rng.nextInt(present.size())) : "an old enemy";
            return a + " " + pick(VERBS) + " " + (a.equals(b) ? "a stranger" : b) + " over "
                    + pick(List.of("a debt", "a letter", "the missing key", "a broken promise", "the ledger")) + ".";
        }
        if (n.contains("genre")) {
            return pick(GENRES);
        }
        if (n.contains("tone") || n.contains("voice")) {
            return "A close, " + pick(TONES) + " voice.";
        }
        if (n.contains("rule") || n.equals("avoid")) {
            return pick(RULES);
        }
        if (n.contains("audience")) {
            return "Adult readers of " + pick(GENRES) + ".";
        }
        if (n.contains("summary") || n.contains("synopsis") || n.contains("logline") || n.contains("ending") || n.contains("description")) {
            return narrative(n.contains("synopsis") ? 3 : 1);
        }
        if (n.contains("theme")) {
            return pick(List.of("debt and forgiveness", "the cost of loyalty", "what a place remembers", "inheritance"));
        }
        return narrative(0);
    }

    private String trait(String owner, String attribute, String template) {
        String token = world.token(rng);
        String sentence = String.format(template, token);
        traits.add(new Prose.Candidate(owner, World.CHARACTER, attribute, sentence, token, sentence));
        return sentence;
    }

    /** Every planted sentence the prompt holds, restated in order; what a rambling summariser writes. */
    private String restatement() {
        if (!restated.isEmpty()) {
            return String.join(" ", restated.stream().map(PlantedFact::sentence).toList());
        }
        if (!recognised.isEmpty()) {
            return String.join(" ", recognised.stream().map(f -> f.subject() + "'s " + f.attribute() + " is now " + f.value() + ".").toList());
        }
        return narrative(1);
    }

    private String narrative(int paragraphs) {
        List<String> who = new ArrayList<>(people);
        if (who.isEmpty()) {
            who.add(world.personName(rng, people));
        }
        List<String> places = world.namesIn(prompt, World.PLACE);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < Math.max(1, paragraphs); p++) {
            int sentences = paragraphs == 0 ? 1 : 3;
            for (int s = 0; s < sentences; s++) {
                String a = who.get(rng.nextInt(who.size()));
                String b = who.get(rng.nextInt(who.size()));
                String place = places.isEmpty() ? world.placeName(rng) : places.get(rng.nextInt(places.size()));
                text.append(a).append(' ').append(pick(VERBS)).append(' ').append(a.equals(b) ? "an old rival" : b).append(" at ")
                        .append(place).append(", and nothing is the same after. ");
            }
            if (p + 1 < paragraphs) {
                text.append("\n\n");
            }
        }
        return text.toString().strip();
    }

    private String pick(List<String> values) {
        return values.get(rng.nextInt(values.size()));
    }

    private static String singular(String name) {
        return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    static boolean isFactItem(JsonNode items) {
        if (!"object".equals(items.path("type").asString(""))) {
            return false;
        }
        int hits = 0;
        for (var property : items.path("properties").properties()) {
            String p = property.getKey().toLowerCase(Locale.ROOT);
            if (p.contains("subject") || p.contains("attribute") || p.equals("value") || p.equals("fact")) {
                hits++;
            }
        }
        return hits >= 2;
    }

    private static boolean hasFactList(JsonNode schema) {
        if ("array".equals(schema.path("type").asString("")) && isFactItem(schema.path("items"))) {
            return true;
        }
        for (var property : schema.path("properties").properties()) {
            if (hasFactList(property.getValue())) {
                return true;
            }
        }
        return schema.has("items") && hasFactList(schema.get("items"));
    }

    private static boolean summariesOnly(JsonNode schema) {
        if (!schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
            return false;
        }
        for (var property : schema.path("properties").properties()) {
            if (!property.getKey().toLowerCase(Locale.ROOT).contains("summary")) {
                return false;
            }
        }
        return true;
    }
}
