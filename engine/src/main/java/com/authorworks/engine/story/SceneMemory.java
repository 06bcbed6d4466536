package com.authorworks.engine.story;

import java.util.List;

/**
 * What one structured call after each scene returns: its summary, the new facts for the ledger and
 * any contradiction between the scene and the ledger.
 */
public record SceneMemory(String summary, List<NewFact> facts, List<Contradiction> contradictions) {

    public SceneMemory {
        facts = facts == null ? List.of() : List.copyOf(facts);
        contradictions = contradictions == null ? List.of() : List.copyOf(contradictions);
    }

    /** A fact established by the scene, holding from it until superseded. */
    public record NewFact(String subject, Fact.Kind kind, String attribute, String value) {
    }

    /**
     * @param passage       the offending passage, quoted verbatim from the scene
     * @param conflictsWith the ledger fact it contradicts
     * @param correction    what the passage should say instead
     */
    public record Contradiction(String passage, String conflictsWith, String correction) {
    }
}
