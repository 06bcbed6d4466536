package com.authorworks.engine.internal;

import com.authorworks.engine.story.SceneMemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scene's facts about the same thing in the order the scene establishes them. A scene may change a thing
 * twice (a room taken, then another), and models list what they extract in no reliable order (some newest
 * first): the ledger keeps the last one listed, so facts sharing a subject and attribute are put in the order
 * their values appear in the scene's text, a value the text does not show first. Every other fact keeps its place.
 */
final class InTextOrder {

    private InTextOrder() {
    }

    static List<SceneMemory.NewFact> of(List<SceneMemory.NewFact> facts, String text) {
        Map<String, List<Integer>> slots = new LinkedHashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            slots.computeIfAbsent(slot(facts.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<SceneMemory.NewFact> ordered = new ArrayList<>(facts);
        String haystack = text.toLowerCase(Locale.ROOT);
        for (List<Integer> places : slots.values()) {
            if (places.size() < 2) {
                continue;
            }
            List<SceneMemory.NewFact> same = places.stream().map(facts::get).toList();
            // a value the text does not show (the model restating an earlier state) goes before those it does
            List<Integer> at = same.stream().map(f -> position(f.value(), haystack)).toList();
            List<SceneMemory.NewFact> sorted = same.stream().sorted(Comparator.comparingInt(f -> at.get(same.indexOf(f)))).toList();
            for (int k = 0; k < places.size(); k++) {
                ordered.set(places.get(k), sorted.get(k));
            }
        }
        return ordered;
    }

    /** The facts whose value the text shows, then the others, each group in the model's order. */
    static List<SceneMemory.NewFact> shownFirst(List<SceneMemory.NewFact> facts, String text) {
        String haystack = text.toLowerCase(Locale.ROOT);
        List<SceneMemory.NewFact> shown = new ArrayList<>();
        List<SceneMemory.NewFact> others = new ArrayList<>();
        for (SceneMemory.NewFact f : facts) {
            (position(f.value(), haystack) >= 0 ? shown : others).add(f);
        }
        shown.addAll(others);
        return shown;
    }

    /** Whether the text shows the value (itself, or its most distinctive word). */
    static boolean shows(String value, String text) {
        return position(value, text.toLowerCase(Locale.ROOT)) >= 0;
    }

    private static String slot(SceneMemory.NewFact f) {
        return (f.subject() == null ? "" : f.subject().strip().toLowerCase(Locale.ROOT)) + '\u0000'
                + (f.attribute() == null ? "" : f.attribute().strip().toLowerCase(Locale.ROOT));
    }

    /** Where the value shows in the text: the value itself, else its most distinctive word; -1 when neither does. */
    private static int position(String value, String haystack) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return -1;
        }
        int whole = haystack.lastIndexOf(v);
        if (whole >= 0) {
            return whole;
        }
        // else its most distinctive word: one with a digit (a number, a code), else the longest, if distinctive enough
        String best = "";
        for (String word : v.split("[^\\p{L}\\p{N}-]+")) {
            boolean digit = word.chars().anyMatch(Character::isDigit);
            boolean bestDigit = best.chars().anyMatch(Character::isDigit);
            if (digit && word.length() >= 3 && (!bestDigit || word.length() > best.length())
                    || !digit && !bestDigit && word.length() > best.length()) {
                best = word;
            }
        }
        boolean distinctive = best.chars().anyMatch(Character::isDigit) ? best.length() >= 3 : best.length() >= 6;
        return distinctive ? haystack.lastIndexOf(best) : -1;
    }
}
