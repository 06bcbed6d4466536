package com.authorworks.media.audio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.ModelStack;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.media.audio.speech.SpeechEngine.Emotion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dialogue attribution: one structured call per batch of paragraphs (at most {@link #MAX_BATCH_CHARACTERS}
 * characters, so no call grows with the scene) through the engine's model port returns, per paragraph, who
 * speaks it (the narrator or one of the cast) and its emotion. The answer is never trusted: unknown paragraphs
 * and names are dropped, and a paragraph without quotation marks stays the narrator's. Without a provider the
 * offline sample writer answers, and every result says so (its speakers and emotions are placeholders).
 */
final class Attribution {

    static final int MAX_BATCH_CHARACTERS = 6_000;
    static final int MAX_PARAGRAPHS = 40;
    static final String NARRATOR = "narrator";
    private static final Pattern QUOTE = Pattern.compile("[\"“”«»]");

    /** One paragraph with its speaker (null for the narrator) and emotion. */
    record Line(String text, String speaker, Emotion emotion) {
    }

    record Result(List<Line> lines, String attributedBy, boolean sample) {
    }

    private final LanguageModel model;
    private final String provider;
    private final String modelName;
    private final ApiKey key;

    private Attribution(LanguageModel model, String provider, String modelName, ApiKey key) {
        this.model = model;
        this.provider = provider;
        this.modelName = modelName;
        this.key = key;
    }

    /** Attribution by the offline sample writer. */
    static Attribution offline() {
        return of(ProviderCatalogue.SAMPLE, null);
    }

    static Attribution of(String provider, ApiKey key) {
        ProviderCatalogue.Provider entry = ProviderCatalogue.require(provider);
        return new Attribution(ModelStack.create(entry.name(), null, ModelStack.Limits.INTERACTIVE), entry.name(),
                entry.summaryModel(), key);
    }

    boolean sample() {
        return ProviderCatalogue.SAMPLE.equals(provider);
    }

    String label() {
        return sample() ? "the offline sample writer (no AI: speakers and emotions are placeholders)" : provider + " " + modelName;
    }

    /** The scene's paragraphs attributed; a call that fails leaves its paragraphs to the narrator. */
    Result attribute(List<String> paragraphs, List<String> cast) {
        List<Line> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            lines.add(new Line(paragraph, null, Emotion.NEUTRAL));
        }
        if (!cast.isEmpty()) {
            int start = 0;
            while (start < paragraphs.size()) {
                int end = start;
                int size = 0;
                while (end < paragraphs.size() && end - start < MAX_PARAGRAPHS
                        && (end == start || size + paragraphs.get(end).length() <= MAX_BATCH_CHARACTERS)) {
                    size += Math.min(paragraphs.get(end).length(), MAX_BATCH_CHARACTERS);
                    end++;
                }
                batch(paragraphs, start, end, cast, lines);
                start = end;
            }
        }
        return new Result(lines, label(), sample());
    }

    private void batch(List<String> paragraphs, int start, int end, List<String> cast, List<Line> lines) {
        StringBuilder prompt = new StringBuilder("Characters: ").append(String.join(", ", cast))
                .append(".\nFor each numbered paragraph say who speaks its dialogue (\"narrator\" when nobody does) and its emotion.\n\n");
        for (int i = start; i < end; i++) {
            String text = paragraphs.get(i);
            prompt.append(i - start + 1).append(". ").append(text, 0, Math.min(text.length(), MAX_BATCH_CHARACTERS)).append("\n\n");
        }
        Optional<JsonNode> answer = ask(prompt.toString(), schema(end - start, cast));
        if (answer.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(cast);
        for (JsonNode line : answer.get().path("lines")) {
            int index = line.path("paragraph").asInt(0);
            if (index < 1 || index > end - start) {
                continue;
            }
            String paragraph = paragraphs.get(start + index - 1);
            String speaker = line.path("speaker").asString("");
            Emotion emotion = emotion(line.path("emotion").asString(""));
            boolean dialogue = QUOTE.matcher(paragraph).find();
            String who = dialogue && names.contains(speaker) ? speaker : null;
            lines.set(start + index - 1, new Line(paragraph, who, dialogue ? emotion : Emotion.NEUTRAL));
        }
    }

    private Optional<JsonNode> ask(String prompt, String schema) {
        try {
            Completion completion = model.complete(new CompletionRequest(modelName, "You attribute dialogue in fiction for an audiobook.",
                    List.of(Message.user(prompt)), 0.0, 2_000, OutputFormat.json("attribution", schema), false, key, null));
            return Optional.of(AudioProjects.JSON.readTree(completion.text()));
        } catch (RuntimeException e) {
            // a failed or refused call (LanguageModelException) or an answer that is not JSON: the narrator reads it
            return Optional.empty();
        }
    }

    private static Emotion emotion(String value) {
        try {
            return Emotion.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Emotion.NEUTRAL;
        }
    }

    static String schema(int paragraphs, List<String> cast) {
        ObjectNode root = AudioProjects.JSON.createObjectNode();
        root.put("type", "object");
        ObjectNode lines = root.putObject("properties").putObject("lines");
        lines.put("type", "array");
        lines.put("minItems", 0);
        lines.put("maxItems", paragraphs);
        ObjectNode item = lines.putObject("items");
        item.put("type", "object");
        ObjectNode properties = item.putObject("properties");
        ObjectNode paragraph = properties.putObject("paragraph");
        paragraph.put("type", "integer");
        paragraph.put("minimum", 1);
        paragraph.put("maximum", paragraphs);
        ObjectNode speaker = properties.putObject("speaker");
        speaker.put("type", "string");
        ArrayNode speakers = speaker.putArray("enum");
        speakers.add(NARRATOR);
        cast.forEach(speakers::add);
        ObjectNode emotion = properties.putObject("emotion");
        emotion.put("type", "string");
        ArrayNode emotions = emotion.putArray("enum");
        for (Emotion e : Emotion.values()) {
            emotions.add(e.name().toLowerCase(Locale.ROOT));
        }
        item.putArray("required").add("paragraph").add("speaker").add("emotion");
        item.put("additionalProperties", false);
        root.putArray("required").add("lines");
        root.put("additionalProperties", false);
        return AudioProjects.JSON.writeValueAsString(root);
    }
}
