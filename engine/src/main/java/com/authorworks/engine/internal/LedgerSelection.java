package com.authorworks.engine.internal;

import com.authorworks.engine.story.Fact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger facts a prompt gets, chosen one by one rather than subject by subject, so no subject's long
 * history can push the others out: the facts in force (latest value per attribute; superseded ones are
 * gone) of the subjects present first, taken in turns subject by subject, each subject's most important
 * and most recent facts first; then those of subjects the plan merely mentions. The context builder packs
 * them in this order under the part's share of the budget and lays them out grouped by subject.
 */
final class LedgerSelection {

    /** Attributes whose change later scenes most often trip over. */
    private static final Set<String> CONSEQUENTIAL = Set.of("location", "where", "possession", "carries", "has", "holds", "owns",
            "injury", "wound", "health", "condition", "alive", "status", "knows", "learned", "secret", "relationship", "allegiance",
            "owes", "debt", "promise", "state", "occupant", "owner", "contents");

    private final List<String> items = new ArrayList<>();
    private final Map<String, Fact> facts = new LinkedHashMap<>();

    /**
     * @param present   the facts in force of the subjects the scene involves directly, in order of importance
     * @param mentioned the same for subjects its plan merely names
     */
    LedgerSelection(Map<String, List<Fact>> present, Map<String, List<Fact>> mentioned) {
        takeTurns(present);
        takeTurns(mentioned);
    }

    /** The ranked items, most useful first, one per fact. */
    List<String> items() {
        return List.copyOf(items);
    }

    /**
     * The chosen items laid out compactly, as each subject's {@link StandingSummary}: one block per subject, its facts
     * of one kind together ({@code carries: ...; ...}), each entry as {@link #entry} or {@link StandingSummary#grouped} writes it.
     */
    String render(List<String> chosen) {
        Map<String, List<Fact>> bySubject = new LinkedHashMap<>();
        for (String item : chosen) {
            Fact f = facts.get(item);
            bySubject.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f);
        }
        List<String> blocks = new ArrayList<>();
        bySubject.forEach((subject, list) -> blocks.add(StandingSummary.of(subject, list)));
        return String.join("\n", blocks).strip();
    }

    /**
     * One fact laid out: {@code attribute = value}, or, where the value opens with the attribute's last words (two at
     * least) as models often write them ({@code knows the cipher} / {@code the cipher is 7}), the two run together
     * without the repetition ({@code knows the cipher is 7}).
     */
    static String entry(String attribute, String value) {
        String a = attribute.strip();
        String v = value.strip();
        String[] tail = a.split("\\s+");
        Matcher word = WORD.matcher(v);
        List<String> opening = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        while (opening.size() < tail.length && word.find()) {
            opening.add(word.group(1));
            ends.add(word.end(1));
        }
        for (int k = Math.min(tail.length, opening.size()); k >= 2; k--) {
            boolean same = true;
            for (int i = 0; i < k && same; i++) {
                same = tail[tail.length - k + i].equalsIgnoreCase(opening.get(i));
            }
            String rest = v.substring(ends.get(k - 1));
            if (same && !rest.replaceAll("[\\s,.;:!?]", "").isEmpty()) {
                return a + rest;
            }
        }
        return a + " = " + v;
    }

    /** A word of a value and where it ends, without the punctuation that follows it. */
    private static final Pattern WORD = Pattern.compile("(\\S+?)[,.;:!?]*(?=\\s|$)");

    private void takeTurns(Map<String, List<Fact>> bySubject) {
        List<Deque<Fact>> queues = new ArrayList<>();
        bySubject.values().forEach(list -> queues.add(new ArrayDeque<>(list.stream().sorted(IMPORTANCE).toList())));
        boolean any = true;
        while (any) {
            any = false;
            for (Deque<Fact> queue : queues) {
                Fact next = queue.pollFirst();
                if (next != null) {
                    String item = next.subject() + ": " + next.attribute() + " = " + next.value();
                    if (facts.putIfAbsent(item, next) == null) {
                        items.add(item);
                    }
                    any = true;
                }
            }
        }
    }

    private static final Comparator<Fact> IMPORTANCE = Comparator.<Fact>comparingInt(f -> consequential(f) ? 0 : 1)
            .thenComparing(Fact::since, Comparator.reverseOrder())
            .thenComparing(Fact::attribute);

    private static boolean consequential(Fact f) {
        String attribute = f.attribute().toLowerCase(Locale.ROOT);
        return CONSEQUENTIAL.stream().anyMatch(attribute::contains);
    }
}
