package com.authorworks.engine.standin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The world the stand-in invents as it answers: the names it made up or read (characters, places,
 * objects) and every fact it planted, with a unique token each. Shared by all requests; what one
 * answer says is decided by that request's own seeded random source, so an answer depends on the seed
 * and the request, not on which other requests ran at the same time.
 */
final class World {

    /** A planted fact token: four digits, a dash, three capitals (e.g. 4471-QVX). */
    static final Pattern TOKEN = Pattern.compile("\\b\\d{4}-[A-Z]{3}\\b");
    private static final Pattern PERSON = Pattern.compile("^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)+$");

    static final String CHARACTER = "CHARACTER";
    static final String PLACE = "PLACE";
    static final String OBJECT = "OBJECT";

    static final List<String> FIRST = List.of("Mara", "Tobin", "Isolde", "Corwin", "Edda", "Piet", "Rosalind", "Anselm", "Wren", "Dariusz",
            "Liesl", "Oren", "Talia", "Bram", "Niamh", "Casimir", "Sunniva", "Hale", "Ottilie", "Jory", "Marguerite", "Fenwick", "Ines",
            "Leopold", "Agnieszka", "Silas", "Henrike", "Emrys", "Yara", "Lucan");
    static final List<String> LAST = List.of("Vell", "Ashdown", "Keller", "Morrow", "Quist", "Halloran", "Brisk", "Tennant", "Okafor",
            "Lindqvist", "Marchetti", "Draycott", "Szabo", "Fairweather", "Ilves", "Corrigan", "Blackwood", "Nakamura", "Ostrander", "Pryce");
    private static final List<String> PLACE_HEAD = List.of("Harrow", "Saltmarsh", "Greywater", "Lantern", "Copperfield", "Wicket", "Marrow",
            "Thistle", "Kestrel", "Ember", "Gallows", "Orchard", "Beacon", "Tallow", "Juniper", "Sable");
    private static final List<String> PLACE_TAIL = List.of("Quay", "Exchange", "Lighthouse", "Market", "Archive", "Chapel", "Foundry",
            "Customs House", "Ferry Landing", "Observatory", "Tannery", "Inn", "Bridge", "Granary", "Watchtower", "Bathhouse");
    private static final List<String> OBJECT_ADJ = List.of("Brass", "Ashen", "Silvered", "Cracked", "Lacquered", "Tin", "Ivory", "Copper",
            "Salt-stained", "Gilt", "Iron", "Pearl");
    private static final List<String> OBJECT_NOUN = List.of("Compass", "Key", "Ledger", "Locket", "Sextant", "Pocket Watch", "Seal",
            "Music Box", "Lantern", "Letter Knife", "Map Case", "Rosary");

    private final long seed;
    private final Map<String, String> kinds = new ConcurrentHashMap<>();
    private final Map<String, PlantedFact> facts = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    World(long seed) {
        this.seed = seed;
    }

    /** A random source for one request, from the seed and the request's digest (hex, at least 16 digits). */
    Random randomFor(String requestDigest) {
        return new Random(seed * 0x9E3779B97F4A7C15L ^ Long.parseUnsignedLong(requestDigest.substring(0, 16), 16));
    }

    void know(String name, String kind) {
        if (name != null && !name.isBlank()) {
            kinds.putIfAbsent(name.strip(), kind);
        }
    }

    /** Enum values that look like people's names are the cast the request chose from: remember them. */
    void knowNamesFrom(Collection<String> values) {
        for (String v : values) {
            if (PERSON.matcher(v).matches() && !kinds.containsKey(v)) {
                kinds.put(v, CHARACTER);
            }
        }
    }

    /** Known names that occur in the text, each with the position of its last occurrence, latest first. */
    List<String> namesIn(String text, String kind) {
        Map<String, Integer> last = new LinkedHashMap<>();
        kinds.forEach((name, k) -> {
            if (k.equals(kind)) {
                int at = text.lastIndexOf(name);
                if (at >= 0) {
                    last.put(name, at);
                }
            }
        });
        List<String> names = new ArrayList<>(last.keySet());
        names.sort((a, b) -> Integer.compare(last.get(b), last.get(a)));
        return names;
    }

    String personName(Random rng, Set<String> taken) {
        for (int i = 0; i < 200; i++) {
            String first = FIRST.get(rng.nextInt(FIRST.size()));
            String name = first + " " + LAST.get(rng.nextInt(LAST.size()));
            boolean firstTaken = taken.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith(first.toLowerCase(Locale.ROOT) + " ")
                    || t.equalsIgnoreCase(first));
            if (!taken.contains(name) && !firstTaken) {
                taken.add(name);
                know(name, CHARACTER);
                return name;
            }
        }
        String name = FIRST.get(rng.nextInt(FIRST.size())) + " " + LAST.get(rng.nextInt(LAST.size())) + "-" + rng.nextInt(1000);
        know(name, CHARACTER);
        return name;
    }

    String placeName(Random rng) {
        String name = PLACE_HEAD.get(rng.nextInt(PLACE_HEAD.size())) + " " + PLACE_TAIL.get(rng.nextInt(PLACE_TAIL.size()));
        know(name, PLACE);
        return name;
    }

    String objectName(Random rng) {
        String name = "the " + OBJECT_ADJ.get(rng.nextInt(OBJECT_ADJ.size())) + " " + OBJECT_NOUN.get(rng.nextInt(OBJECT_NOUN.size()));
        know(name, OBJECT);
        return name;
    }

    /** A token no fact has yet: drawn from the request's random source, drawn again on the rare clash. */
    String token(Random rng) {
        while (true) {
            String token = String.format("%04d-%c%c%c", rng.nextInt(10_000), (char) ('A' + rng.nextInt(26)), (char) ('A' + rng.nextInt(26)),
                    (char) ('A' + rng.nextInt(26)));
            if (!facts.containsKey(token)) {
                return token;
            }
        }
    }

    PlantedFact plant(String responseId, String subject, String kind, String attribute, String value, String token, String sentence) {
        PlantedFact fact = new PlantedFact(responseId, sequence.incrementAndGet(), subject, kind, attribute, value, token, sentence);
        facts.put(token, fact);
        return fact;
    }

    /**
     * Every planted fact whose token occurs in the text, in the order the text first mentions them (as a
     * reader meets them; planting order would depend on which concurrent answers finished first).
     */
    List<PlantedFact> factsIn(String text) {
        List<PlantedFact> found = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            PlantedFact fact = facts.get(m.group());
            if (fact != null && seen.add(fact.token())) {
                found.add(fact);
            }
        }
        return found;
    }

    List<PlantedFact> facts() {
        List<PlantedFact> all = new ArrayList<>(facts.values());
        all.sort(java.util.Comparator.comparingLong(PlantedFact::sequence));
        return all;
    }
}
