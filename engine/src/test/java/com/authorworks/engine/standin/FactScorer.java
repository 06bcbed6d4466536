package com.authorworks.engine.standin;

import java.util.Collection;
import java.util.List;

/** Which planted facts a prompt carries: a fact counts when its unique token occurs in the text. */
public final class FactScorer {

    private FactScorer() {
    }

    /** The facts whose token the text contains, in the order given. */
    public static List<PlantedFact> contained(String text, Collection<PlantedFact> facts) {
        return facts.stream().filter(f -> text.contains(f.token())).toList();
    }

    /** The share of {@code facts} whose token the text contains; 1 when there are none. */
    public static double recall(String text, Collection<PlantedFact> facts) {
        return facts.isEmpty() ? 1.0 : contained(text, facts).size() / (double) facts.size();
    }
}
