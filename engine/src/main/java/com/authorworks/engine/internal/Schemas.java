package com.authorworks.engine.internal;

import com.authorworks.engine.story.Fact;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schemas of the structured steps, in the subset every provider's structured output accepts
 * (objects with all properties required and no extras, arrays with item counts, string enums, integer ranges).
 */
public final class Schemas {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** How many characters the cast has: the schema asks for it and {@link PlanChecks#cast} checks it. */
    static final int CAST_MIN = 3;
    static final int CAST_MAX = 8;

    private Schemas() {
    }

    public static String genre() {
        return object(props("genre", str("the primary genre"), "subgenres", array(str("a subgenre"), 1, 3),
                "audience", str("who the book is for"), "tone", str("the tone in a few words"),
                "comparableTitles", array(str("a published comparable title"), 1, 3)));
    }

    public static String style() {
        return object(props("voice", str("the narrative voice in one or two sentences"),
                "tense", enumeration("past", "present"),
                "person", enumeration("first", "third-limited", "third-omniscient", "second"),
                "proseRules", array(str("a rule for the prose"), 3, 6),
                "dialogueRules", array(str("a rule for dialogue"), 1, 4),
                "avoid", array(str("something the prose must avoid"), 2, 5)));
    }

    public static String characters() {
        return object(props("characters", array(objectNode(props("name", str("full name"),
                "aliases", array(str("another name the character goes by"), 0, 3),
                "role", str("protagonist, antagonist, mentor, ally..."), "description", str("appearance and manner"),
                "goal", str("what they want"), "flaw", str("what stands in their way from inside"),
                "arc", str("how they change"))), CAST_MIN, CAST_MAX)));
    }

    public static String synopsis() {
        return object(props("logline", str("one sentence"), "synopsis", str("the whole story in three to five paragraphs"),
                "ending", str("how it ends"), "themes", array(str("a theme"), 1, 4)));
    }

    /** The outline's first pass: exactly the act and chapter counts asked for, each chapter a title and what it does. */
    public static String outlineSkeleton(int chapters, int acts) {
        ObjectNode chapter = objectNode(props("title", str("chapter title"), "summary", str("what happens in the chapter"),
                "outcomes", array(str("one consequential change the chapter makes: who learns what, who is hurt, where someone or "
                        + "something goes, what changes hands"), 1, 4)));
        return object(props("acts", array(objectNode(props("title", str("act title"), "summary", str("what the act does"))), acts, acts),
                "chapters", array(chapter, chapters, chapters)));
    }

    /** The outline's second pass, for {@code chapters} chapters: their scenes, POV and presence limited to the cast. */
    public static String chapterScenes(int chapters, List<String> cast, int minScenes, int maxScenes, int sceneWords) {
        ObjectNode scene = objectNode(props("title", str("scene title"),
                "pov", enumeration(cast.toArray(String[]::new)),
                "characters", uniqueArray(enumeration(cast.toArray(String[]::new)), 1, Math.min(4, cast.size())),
                "setting", str("where the scene takes place"),
                "beats", array(str("one thing that happens"), 2, 5),
                "wordTarget", integer(sceneWords / 2, sceneWords * 3 / 2)));
        return object(props("chapters", array(objectNode(props("scenes", array(scene, minScenes, maxScenes))), chapters, chapters)));
    }

    public static String memory() {
        ObjectNode fact = objectNode(props("subject", str("the character, place or object the fact is about, by name"),
                "kind", enumeration(Arrays.stream(Fact.Kind.values()).map(Enum::name).toArray(String[]::new)),
                "attribute", str("what about it: location, possession, injury, relationship with X, knows..."),
                "value", str("the new state")));
        ObjectNode contradiction = objectNode(props("passage", str("the offending passage, quoted verbatim from the scene"),
                "conflictsWith", str("the ledger fact it contradicts"), "correction", str("what the passage should say")));
        return object(props("summary", str("what happened in the scene, at most 100 words"),
                "facts", array(fact, 0, 40), "contradictions", array(contradiction, 0, 3)));
    }

    /** The memory of a chapter's last scene, with the chapter's summary. */
    public static String lastSceneMemory() {
        ObjectNode schema = (ObjectNode) Json.MAPPER.readTree(memory());
        ((ObjectNode) schema.get("properties")).set("chapterSummary", str("the whole chapter, at most 180 words"));
        ((ArrayNode) schema.get("required")).add("chapterSummary");
        return Json.MAPPER.writeValueAsString(schema);
    }

    public static String summary(int words) {
        return object(props("summary", str("the summary, at most " + words + " words")));
    }

    private static Map<String, JsonNode> props(Object... pairs) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (JsonNode) pairs[i + 1]);
        }
        return map;
    }

    private static String object(Map<String, JsonNode> properties) {
        return Json.MAPPER.writeValueAsString(objectNode(properties));
    }

    private static ObjectNode objectNode(Map<String, JsonNode> properties) {
        ObjectNode node = F.objectNode().put("type", "object");
        ObjectNode props = node.putObject("properties");
        ArrayNode required = F.arrayNode();
        properties.forEach((name, schema) -> {
            props.set(name, schema);
            required.add(name);
        });
        node.set("required", required);
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode str(String description) {
        return F.objectNode().put("type", "string").put("description", description);
    }

    private static ObjectNode enumeration(String... values) {
        ObjectNode node = F.objectNode().put("type", "string");
        ArrayNode array = node.putArray("enum");
        for (String v : values) {
            array.add(v);
        }
        return node;
    }

    private static ObjectNode integer(int min, int max) {
        return F.objectNode().put("type", "integer").put("minimum", min).put("maximum", max);
    }

    private static ObjectNode array(JsonNode items, int min, int max) {
        ObjectNode node = F.objectNode().put("type", "array");
        node.set("items", items);
        node.put("minItems", min);
        node.put("maxItems", max);
        return node;
    }

    private static ObjectNode uniqueArray(JsonNode items, int min, int max) {
        return array(items, min, max).put("uniqueItems", true);
    }
}
