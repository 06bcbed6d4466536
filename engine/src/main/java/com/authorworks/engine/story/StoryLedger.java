package com.authorworks.engine.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Time-indexed facts about the story's characters, places, objects and relationships. A fact holds
 * from its scene until a later fact about the same subject and attribute supersedes it. Names resolve
 * through aliases and compare case-insensitively. Thread-safe; every answer depends only on the facts
 * asked about, never on the order in which parallel chapters recorded them.
 */
public final class StoryLedger {

    /**
     * Facts in the order the story established them: by scene, and within a scene in the order its memory
     * listed them (the order of the text), so a scene that changes a thing twice leaves its last value.
     */
    private final Comparator<Fact> storyOrder = Comparator.comparing(Fact::since).thenComparingInt(this::placeInScene);

    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    /** Each alias as first spelled, for showing; {@link #aliases} compares case-insensitively. */
    private final Map<String, String> spelled = new ConcurrentHashMap<>();
    private final List<Fact> facts = new ArrayList<>();
    /** The same facts by subject (as resolved when recorded, compared case-insensitively), so a prompt's few subjects are read alone. */
    private final Map<String, List<Fact>> bySubject = new java.util.HashMap<>();
    /** Each fact's place among its scene's facts as recorded. */
    private final Map<Fact, Integer> places = new java.util.IdentityHashMap<>();
    private final Map<ScenePosition, Integer> recordedPerScene = new java.util.HashMap<>();

    /** Makes {@code alias} another name for {@code name}. */
    public void alias(String alias, String name) {
        aliases.put(norm(alias), resolve(name));
        spelled.putIfAbsent(norm(alias), alias.strip());
    }

    /** Every alias (as spelled when given) and the name it stands for, sorted by alias. */
    public Map<String, String> aliases() {
        Map<String, String> result = new java.util.TreeMap<>();
        aliases.forEach((alias, name) -> result.put(spelled.getOrDefault(alias, alias), name));
        return result;
    }

    /**
     * A fact and how long it held: until the scene of the fact that superseded it (null while it
     * still holds). The same supersession as {@link #asOf}: a scene sees the latest fact before it.
     */
    public record Entry(Fact fact, ScenePosition until) {
    }

    /**
     * Every fact ever recorded, in story order (scene, then subject, attribute and value), each with
     * the scene from which a later fact about the same subject and attribute replaced it.
     */
    public synchronized List<Entry> history() {
        List<Fact> ordered = facts.stream().sorted(storyOrder).toList();
        Map<String, ScenePosition> supersededAt = new java.util.HashMap<>();
        Map<Fact, ScenePosition> until = new java.util.IdentityHashMap<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Fact f = ordered.get(i);
            String slot = norm(f.subject()) + '\u0000' + f.attribute();
            until.put(f, supersededAt.get(slot));
            supersededAt.put(slot, f.since());
        }
        return ordered.stream()
                .sorted(Comparator.comparing(Fact::since).thenComparing(f -> norm(f.subject())).thenComparing(Fact::attribute)
                        .thenComparing(Fact::value))
                .map(f -> new Entry(f, until.get(f))).toList();
    }

    /** The canonical name for a name or alias. */
    public String resolve(String name) {
        String seen = aliases.get(norm(name));
        return seen == null ? name.strip() : seen;
    }

    public synchronized void record(Fact fact) {
        Fact recorded = new Fact(resolve(fact.subject()), fact.kind(), fact.attribute().strip().toLowerCase(Locale.ROOT), fact.value(),
                fact.since());
        facts.add(recorded);
        bySubject.computeIfAbsent(norm(recorded.subject()), k -> new ArrayList<>()).add(recorded);
        places.put(recorded, recordedPerScene.merge(fact.since(), 1, Integer::sum));
    }

    private int placeInScene(Fact fact) {
        return places.getOrDefault(fact, 0);
    }

    /**
     * The facts in force just before {@code position} about the given subjects (names or aliases),
     * counting only facts whose scene passes {@code visible}; one per attribute, the latest. Grouped by
     * subject in the order asked; subjects with no fact are left out.
     */
    public synchronized Map<String, List<Fact>> asOf(ScenePosition position, Collection<String> subjects, Predicate<ScenePosition> visible) {
        Map<String, List<Fact>> result = new LinkedHashMap<>();
        for (String asked : subjects) {
            String subject = resolve(asked);
            if (result.containsKey(subject)) {
                continue;
            }
            Map<String, Fact> latest = new LinkedHashMap<>();
            bySubject.getOrDefault(norm(subject), List.of()).stream()
                    .filter(f -> f.since().isBefore(position) && visible.test(f.since()))
                    .sorted(storyOrder)
                    .forEach(f -> latest.put(f.attribute(), f));
            if (!latest.isEmpty()) {
                result.put(subject, List.copyOf(latest.values()));
            }
        }
        return result;
    }

    /** Whether the subject's attribute had this value (in force or since replaced) in a scene before {@code position}. */
    public synchronized boolean held(ScenePosition position, String subject, String attribute, String value) {
        String a = attribute.strip().toLowerCase(Locale.ROOT);
        String v = value == null ? "" : value.strip();
        return bySubject.getOrDefault(norm(resolve(subject)), List.of()).stream()
                .anyMatch(f -> f.since().isBefore(position) && f.attribute().equals(a) && f.value().strip().equalsIgnoreCase(v));
    }

    public Map<String, List<Fact>> asOf(ScenePosition position, Collection<String> subjects) {
        return asOf(position, subjects, p -> true);
    }

    /**
     * The subjects named (by name or alias, as a whole word) in the text, among aliases and subjects
     * of visible facts. Sorted, so the answer does not depend on recording order.
     */
    public synchronized List<String> mentionedIn(String text, Predicate<ScenePosition> visible) {
        String haystack = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        TreeSet<String> found = new TreeSet<>();
        aliases.forEach((alias, name) -> {
            if (contains(haystack, alias)) {
                found.add(name);
            }
        });
        facts.stream().filter(f -> visible.test(f.since())).sorted(storyOrder)
                .filter(f -> contains(haystack, norm(f.subject())))
                .forEach(f -> found.add(resolve(f.subject())));
        return List.copyOf(found);
    }

    private static boolean contains(String haystack, String name) {
        String needle = name.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return needle.length() > 2 && haystack.contains(" " + needle + " ");
    }

    private static String norm(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
