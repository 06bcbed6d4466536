package com.authorworks.engine.internal;

import com.authorworks.engine.story.ScenePosition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * What a scene's prompt is told of earlier scenes that are drafted but not yet remembered (their memory call,
 * which puts their facts in the ledger, is under way): the sentences of their text that name the scene's
 * subjects. They stand in for those facts until the memory lands, so a scene need not wait for a slow memory
 * call. Concrete sentences go first (a figure or an id, two of the subjects named: a fact is more likely there
 * than in a mood), then the scene nearest before it, then text order; the chosen ones are laid out in story
 * order, scene by scene. Only scenes before the one being drafted are ever read.
 */
final class UnrememberedSentences {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"'”’)]?\\s+");
    private static final Pattern FIGURE = Pattern.compile("\\d");
    /** The longest sentence taken, in words: a run-on paragraph is no sentence. */
    private static final int SENTENCE_WORDS = 60;
    /** The score of a sentence with a figure or an id in it. */
    private static final int CONCRETE = 2;

    private record Sentence(ScenePosition scene, int index, String text, int score) {
    }

    private final Map<String, Sentence> sentences = new LinkedHashMap<>();
    private final List<String> items = new ArrayList<>();

    /**
     * @param drafted  the drafts not yet remembered, by scene (any scene: only those before {@code position} are read)
     * @param subjects the names the scene involves (its point of view, characters and setting)
     */
    UnrememberedSentences(ScenePosition position, SortedMap<ScenePosition, String> drafted, Collection<String> subjects) {
        Set<String> names = new LinkedHashSet<>();
        for (String subject : subjects) {
            if (subject == null || subject.isBlank()) {
                continue;
            }
            String name = subject.strip();
            names.add(name);
            String first = name.split("\\s+")[0];
            if (first.length() >= 3 && Character.isUpperCase(first.charAt(0)) && !first.equals("The")) {
                names.add(first);
            }
        }
        List<Sentence> all = new ArrayList<>();
        drafted.headMap(position).forEach((scene, text) -> {
            String[] split = SENTENCE_END.split(text.strip());
            for (int i = 0; i < split.length; i++) {
                String sentence = split[i].strip();
                if (sentence.isEmpty() || Words.count(sentence) > SENTENCE_WORDS) {
                    continue;
                }
                long named = names.stream().filter(sentence::contains).count();
                if (named == 0) {
                    continue;
                }
                int score = (FIGURE.matcher(sentence).find() ? CONCRETE : 0) + (named > 1 ? 1 : 0);
                all.add(new Sentence(scene, i, sentence, score));
            }
        });
        all.sort(Comparator.comparingInt(Sentence::score).reversed()
                .thenComparing(Sentence::scene, Comparator.reverseOrder())
                .thenComparingInt(Sentence::index));
        for (Sentence s : all) {
            if (sentences.putIfAbsent(s.text(), s) == null) {
                items.add(s.text());
            }
        }
    }

    /** How many scenes the sentences come from. */
    int scenes() {
        return (int) sentences.values().stream().map(Sentence::scene).distinct().count();
    }

    /** The sentences, most useful first. */
    List<String> items() {
        return List.copyOf(items);
    }

    /** The tokens the sentences take laid out, most useful first, under {@code share} tokens (as the context builder packs them). */
    int tokensWithin(int share) {
        return tokensWithin(share, false);
    }

    /**
     * The same for the concrete sentences alone ({@code concreteOnly}: a figure or an id in them), the ones most likely
     * to carry a fact.
     */
    int tokensWithin(int share, boolean concreteOnly) {
        List<String> chosen = new ArrayList<>();
        int tokens = 0;
        for (String item : items) {
            if (concreteOnly && sentences.get(item).score() < CONCRETE) {
                continue;
            }
            chosen.add(item);
            int laidOut = TokenCounter.count(render(chosen));
            if (laidOut > share) {
                chosen.removeLast();
            } else {
                tokens = laidOut;
            }
        }
        return tokens;
    }

    /** The chosen sentences in story order, one line per scene: {@code Scene 2.3: ... ...}. */
    String render(List<String> chosen) {
        Map<ScenePosition, List<Sentence>> byScene = new java.util.TreeMap<>();
        for (String item : chosen) {
            Sentence s = sentences.get(item);
            byScene.computeIfAbsent(s.scene(), k -> new ArrayList<>()).add(s);
        }
        StringBuilder text = new StringBuilder();
        byScene.forEach((scene, list) -> text.append(scene).append(": ")
                .append(String.join(" ", list.stream().sorted(Comparator.comparingInt(Sentence::index)).map(Sentence::text).toList()))
                .append('\n'));
        return text.toString().strip();
    }
}
