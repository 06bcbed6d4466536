package com.authorworks.engine.sample;

import java.util.List;
import java.util.Random;

/** The sample writer's word stock: invented names and plain phrases, nothing that could pass for real output. */
final class Vocabulary {

    static final List<String> NAMES = List.of("Ada Quill", "Bram Holloway", "Cass Meridian", "Dov Ashgrove", "Edda Lantern",
            "Fenn Carrow", "Gilda Marsh", "Hal Brightwater", "Ines Vale", "Jory Tallis", "Kit Ormond", "Lio Saffrey",
            "Mara Penhallow", "Nico Thistle", "Oona Greaves", "Pell Aubrey");
    static final List<String> PLACES = List.of("the lighthouse", "the harbour market", "the old mill", "the signal tower",
            "the archive", "the ferry landing", "the orchard", "the night train", "the glasshouse", "the quarry road");
    static final List<String> NOUNS = List.of("Lantern", "Tide", "Archive", "Orchard", "Signal", "Harbour", "Winter", "Key",
            "Map", "Bridge", "Storm", "Letter");
    static final List<String> ADJECTIVES = List.of("Quiet", "Last", "Hidden", "Borrowed", "Second", "Salt", "Paper", "Long");
    static final List<String> OBJECTS = List.of("a brass key", "a folded map", "a cracked lantern", "a sealed letter",
            "a ledger with a torn page", "a silver compass");
    static final List<String> MOODS = List.of("wary", "hopeful", "exhausted", "determined", "shaken", "calm");
    static final List<String> GENRES = List.of("literary mystery", "coastal thriller", "quiet fantasy", "family saga");

    private Vocabulary() {
    }

    static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
