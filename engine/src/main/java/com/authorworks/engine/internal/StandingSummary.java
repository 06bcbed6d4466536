package com.authorworks.engine.internal;

import com.authorworks.engine.story.Fact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subject's standing summary: what is true of a character (or a place, an object) now, made by the engine from the
 * ledger's facts in force, not asked of a model, so its size is ours to bound (the drafting prompt's ledger share) and
 * it never runs long or invents. It is made afresh from the facts in force each time a prompt is built: a fact that
 * changes replaces its entry, a superseded one is gone. A long history is compacted by saying once what its facts
 * share: facts whose attributes open with the same word ({@code carries the brass key}, {@code carries the map case})
 * go on one line under that word; an entry leaves out what its value already says ({@code injury to the knee} =
 * {@code a cut across the knee} is {@code cut across the knee}) and its leading article; and where three or more
 * entries of a line open with the same words or say the same words before their last one, those words are said once,
 * in the line's pattern. A single fact of its kind keeps its whole attribute ({@link LedgerSelection#entry}). No value
 * loses a figure, a name or an id.
 * <pre>
 * Corwin Pryce: location = room 12 at the Customs House
 *   carries (…, tagged …): pearl letter knife 9340-OKM; gilt music box 7032-LGY; cracked compass 2282-NCV
 *   injury: cut across the knee; cut across the brow
 * </pre>
 */
final class StandingSummary {

    private static final Pattern ARTICLE = Pattern.compile("^(?i:the|a|an)\\s+(?=\\S)");
    /** Articles and prepositions an attribute's rest opens with ({@code injury to the knee}: {@code knee}). */
    private static final Pattern LEADING = Pattern.compile("^(?:(?i:the|a|an|to|of|on|in|at|with|for|from|about|by)\\s+)+(?=\\S)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private StandingSummary() {
    }

    /** The summary of {@code subject} from its facts in force (any order: they are laid out in story order). */
    static String of(String subject, List<Fact> facts) {
        Map<String, List<Fact>> byHead = new LinkedHashMap<>();
        facts.stream().sorted(Comparator.comparing(Fact::since)).forEach(f -> byHead.computeIfAbsent(head(f.attribute()), k -> new ArrayList<>()).add(f));
        List<String> single = new ArrayList<>();
        List<String> grouped = new ArrayList<>();
        byHead.forEach((head, list) -> {
            if (list.size() == 1 || head.isEmpty()) {
                list.forEach(f -> single.add(LedgerSelection.entry(f.attribute(), f.value())));
            } else {
                grouped.add(factored(head, list.stream().map(f -> grouped(head, f)).toList()));
            }
        });
        StringBuilder text = new StringBuilder(subject).append(':');
        if (!single.isEmpty()) {
            text.append(' ').append(String.join("; ", single));
        }
        grouped.forEach(line -> text.append("\n  ").append(line));
        return text.toString();
    }

    /**
     * A head's entries on one line. Where three or more open with the same words, or say the same words before their
     * last one ({@code ivory locket, tagged 3284-JAU}), those words are said once, in the line's pattern
     * ({@code carries (… , tagged …): ivory locket 3284-JAU; iron lantern 9766-PKF}).
     */
    static String factored(String head, List<String> entries) {
        if (entries.size() < 3) {
            return head + ": " + String.join("; ", entries);
        }
        List<String[]> split = entries.stream().map(e -> e.split(" ")).toList();
        int shortest = split.stream().mapToInt(w -> w.length).min().orElse(0);
        int prefix = 0;
        while (prefix < shortest - 1 && sameAt(split, prefix)) {
            prefix++;
        }
        int joint = 0;
        while (prefix + joint < shortest - 2 && sameFromEnd(split, joint + 1)) {
            joint++;
        }
        if (prefix == 0 && joint == 0) {
            return head + ": " + String.join("; ", entries);
        }
        String[] first = split.getFirst();
        String before = joint == 0 ? "" : trailing(first[first.length - joint - 2]);
        String pattern = (prefix == 0 ? "" : String.join(" ", Arrays.copyOfRange(first, 0, prefix)) + " ") + "…"
                + (joint == 0 ? "" : before + " " + String.join(" ", Arrays.copyOfRange(first, first.length - joint - 1, first.length - 1)) + " …");
        List<String> shown = new ArrayList<>();
        for (String[] w : split) {
            if (joint == 0) {
                shown.add(String.join(" ", Arrays.copyOfRange(w, prefix, w.length)));
            } else {
                String body = String.join(" ", Arrays.copyOfRange(w, prefix, w.length - joint - 1));
                shown.add(body.substring(0, body.length() - trailing(body).length()) + " " + w[w.length - 1]);
            }
        }
        return head + " (" + pattern + "): " + String.join("; ", shown);
    }

    /** Whether every entry has the same {@code at}-th word, with no punctuation after it. */
    private static boolean sameAt(List<String[]> split, int at) {
        String word = split.getFirst()[at];
        return split.stream().allMatch(w -> w[at].equalsIgnoreCase(word)) && trailing(word).isEmpty();
    }

    /** Whether every entry has the same {@code n}-th word from its end but one (its last word is its own). */
    private static boolean sameFromEnd(List<String[]> split, int n) {
        String[] first = split.getFirst();
        String word = first[first.length - 1 - n];
        return !word.isEmpty() && trailing(word).isEmpty() && split.stream().allMatch(w -> w[w.length - 1 - n].equalsIgnoreCase(word));
    }

    /** The punctuation a word ends with. */
    private static String trailing(String word) {
        int end = word.length();
        while (end > 0 && ",;:.".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(end);
    }

    /**
     * The word a fact's kind goes under: the first word of an attribute of several words ({@code carries} of
     * {@code carries the brass key}), none for an attribute of one word (it has one value in force).
     */
    static String head(String attribute) {
        String[] words = attribute.strip().split("\\s+", 2);
        return words.length < 2 ? "" : words[0].toLowerCase(Locale.ROOT);
    }

    /**
     * One fact under its head: the rest of its attribute and its value, run together where the value opens with the
     * rest ({@code brass key, tagged 12}), the value alone where it says the rest further on ({@code cut across the knee}),
     * else {@code rest = value}; without a leading article.
     */
    static String grouped(String head, Fact f) {
        String rest = LEADING.matcher(f.attribute().strip().substring(head.length()).strip()).replaceFirst("");
        String value = f.value().strip();
        String phrase = words(rest);
        String said = words(ARTICLE.matcher(value).replaceFirst(""));
        String shown;
        if (phrase.isEmpty()) {
            shown = value;
        } else if ((said + " ").startsWith(phrase + " ") && !value.substring(endOf(value, phrase)).replaceAll("[\\s,.;:!?]", "").isEmpty()) {
            shown = rest + value.substring(endOf(value, phrase));
        } else if ((" " + said + " ").contains(" " + phrase + " ")) {
            shown = value;
        } else {
            shown = rest + " = " + value;
        }
        return ARTICLE.matcher(shown).replaceFirst("");
    }

    /** Where in {@code value} the words of {@code phrase}, which it opens with (an article aside), end. */
    private static int endOf(String value, String phrase) {
        String[] wanted = phrase.split(" ");
        Matcher word = WORD.matcher(ARTICLE.matcher(value).replaceFirst(""));
        int skipped = value.length() - ARTICLE.matcher(value).replaceFirst("").length();
        int end = 0;
        for (int found = 0; found < wanted.length && word.find(); found++) {
            end = word.end();
        }
        return skipped + end;
    }

    private static String words(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
