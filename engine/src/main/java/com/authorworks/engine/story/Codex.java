package com.authorworks.engine.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The author's codex: the story bible the drafting prompts carry in place of the engine's own ledger when the host
 * keeps one (stored under {@link com.authorworks.engine.StepKeys#CODEX}). Scenes are counted through the book from 1
 * ({@link #sceneIndex}); 0 is the plan. {@link #asOf} is the one decision of what a scene's prompt is told.
 *
 * @param entries every entry, in the order shown
 */
public record Codex(List<Entry> entries) {

    public Codex {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** Whether an entry goes into prompts always, never, or when it is named (the default). */
    public enum Pin { ALWAYS, NEVER, AUTO }

    /**
     * @param kind        character, place, object, lore, faction or relationship
     * @param aliases     other names it goes by
     * @param facts       what holds of it, each from a scene on
     */
    public record Entry(String kind, String name, List<String> aliases, String description, Pin pinned, List<Fact> facts) {

        public Entry {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            facts = facts == null ? List.of() : List.copyOf(facts);
            description = description == null ? "" : description;
            pinned = pinned == null ? Pin.AUTO : pinned;
        }

        Stream<String> names() {
            return Stream.concat(Stream.of(name), aliases.stream());
        }
    }

    /**
     * @param attribute  what it is about, for a fact that a later one about the same thing replaces (null: it stands alone)
     * @param fromScene  the scene (counted through the book, 0 the plan) from which it holds
     * @param extracted  taken from a scene's text by the engine rather than written by the author: it describes that
     *                   scene's outcome, so that scene's own prompt does not see it
     */
    public record Fact(String text, String attribute, int fromScene, boolean extracted) {
    }

    /** Why an entry is in a scene's prompt, most important first: the last to be trimmed. */
    public enum Reason { ALWAYS, PLANNED, PREVIOUS_SCENE }

    /** An entry as a scene sees it: the facts in force then. */
    public record Selected(Entry entry, List<Fact> facts, Reason reason) {

        /** As the prompt lays it out. */
        public String text() {
            StringBuilder out = new StringBuilder(entry.name()).append(" (").append(entry.kind().toLowerCase(Locale.ROOT));
            if (!entry.aliases().isEmpty()) {
                out.append("; also ").append(String.join(", ", entry.aliases()));
            }
            out.append(')');
            if (!entry.description().isBlank()) {
                out.append(": ").append(entry.description().strip());
            }
            facts.forEach(f -> out.append("\n- ").append(f.text().strip()));
            return out.toString();
        }
    }

    /**
     * What the prompt of scene {@code scene} (counted through the book) carries, most important first: the entries pinned
     * always, then those the scene's plan names (beats, cast, setting, by name or alias as a whole word), then those the
     * previous scene's text names; never those pinned never. Each with the facts in force: the author's from this scene or
     * earlier, extracted ones from earlier scenes, and of facts about the same attribute the latest only.
     */
    public List<Selected> asOf(int scene, String plan, String previousText) {
        String planned = words(plan);
        String previous = words(previousText);
        List<Selected> always = new ArrayList<>();
        List<Selected> named = new ArrayList<>();
        List<Selected> before = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.pinned() == Pin.NEVER) {
                continue;
            }
            List<Selected> group = entry.pinned() == Pin.ALWAYS ? always
                    : entry.names().anyMatch(n -> contains(planned, n)) ? named
                    : entry.names().anyMatch(n -> contains(previous, n)) ? before : null;
            if (group != null) {
                Reason reason = group == always ? Reason.ALWAYS : group == named ? Reason.PLANNED : Reason.PREVIOUS_SCENE;
                group.add(new Selected(entry, inForce(entry, scene), reason));
            }
        }
        List<Selected> all = new ArrayList<>(always);
        all.addAll(named);
        all.addAll(before);
        return List.copyOf(all);
    }

    private static List<Fact> inForce(Entry entry, int scene) {
        Map<String, Fact> latest = new LinkedHashMap<>();
        int i = 0;
        for (Fact f : entry.facts().stream().filter(f -> f.extracted() ? f.fromScene() < scene : f.fromScene() <= scene)
                .sorted(java.util.Comparator.comparingInt(Fact::fromScene)).toList()) {
            String slot = f.attribute() == null || f.attribute().isBlank() ? "\u0000" + i++ : f.attribute().strip().toLowerCase(Locale.ROOT);
            latest.remove(slot);
            latest.put(slot, f);
        }
        return List.copyOf(latest.values());
    }

    /** Scene {@code scene} of chapter {@code chapter} counted through the book, given each chapter's number of scenes. */
    public static int sceneIndex(List<Integer> scenesPerChapter, int chapter, int scene) {
        int index = scene;
        for (int c = 1; c < chapter && c <= scenesPerChapter.size(); c++) {
            index += scenesPerChapter.get(c - 1);
        }
        return index;
    }

    private static String words(String text) {
        return " " + (text == null ? "" : text).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    }

    private static boolean contains(String haystack, String name) {
        String needle = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return needle.length() > 1 && haystack.contains(" " + needle + " ");
    }
}
