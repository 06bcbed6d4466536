package com.authorworks.engine.internal;

import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

/**
 * How the story ledger is made: the cast as of the plan, then each scene's memory from that scene
 * on. The pipeline builds it this way as it drafts, and {@link #of} rebuilds it from a store.
 */
public final class Ledgers {

    private Ledgers() {
    }

    /** The cast's aliases and their role, description and goal as of the plan. */
    public static void seed(StoryLedger ledger, Cast cast) {
        for (Cast.Character c : cast.characters()) {
            for (String alias : c.aliases()) {
                ledger.alias(alias, c.name());
            }
            ledger.record(new Fact(c.name(), Fact.Kind.CHARACTER, "role", c.role(), ScenePosition.PLAN));
            ledger.record(new Fact(c.name(), Fact.Kind.CHARACTER, "description", c.description(), ScenePosition.PLAN));
            ledger.record(new Fact(c.name(), Fact.Kind.CHARACTER, "goal", c.goal(), ScenePosition.PLAN));
        }
    }

    /**
     * The facts a scene's memory established, holding from that scene on. A fact that only restates the value
     * in force (models re-list what the ledger they were shown says) is no change and is not recorded, so it
     * cannot bring back an older value after a newer one; nor is one that brings back a value the thing had
     * earlier in the story when the scene's text does not show it (a keeper shown the ledger before a scene
     * finished alongside changed it re-lists the older state; a scene that really returns to it shows it).
     *
     * @param text the scene as drafted, or null to keep every fact that is not the value in force
     */
    public static void remember(StoryLedger ledger, SceneMemory memory, ScenePosition position, String text) {
        for (SceneMemory.NewFact f : memory.facts()) {
            if (f.subject() == null || f.attribute() == null || restates(ledger, f, position)
                    || text != null && !InTextOrder.shows(f.value(), text) && ledger.held(position, f.subject(), f.attribute(), f.value())) {
                continue;
            }
            ledger.record(new Fact(f.subject(), f.kind(), f.attribute(), f.value(), position));
        }
    }

    public static void remember(StoryLedger ledger, SceneMemory memory, ScenePosition position) {
        remember(ledger, memory, position, null);
    }

    private static boolean restates(StoryLedger ledger, SceneMemory.NewFact f, ScenePosition position) {
        String attribute = f.attribute().strip().toLowerCase(java.util.Locale.ROOT);
        return ledger.asOf(position, java.util.List.of(f.subject())).values().stream().flatMap(java.util.List::stream)
                .anyMatch(held -> held.attribute().equals(attribute) && held.value().strip().equalsIgnoreCase(f.value() == null ? "" : f.value().strip()));
    }

    /** The ledger as the stored checkpoints make it; empty before the cast exists. */
    public static StoryLedger of(CheckpointStore store) {
        StoryLedger ledger = new StoryLedger();
        store.get(StepKeys.CHARACTERS).ifPresent(json -> seed(ledger, Json.read(Json.read(json, StepRecord.class).content(), Cast.class)));
        for (String key : store.keys("memory/")) {
            StepKeys.Step step = StepKeys.parse(key);
            if (step.scene() != null) {
                SceneMemory memory = Json.read(Json.read(store.get(key).orElseThrow(), StepRecord.class).content(), SceneMemory.class);
                String draft = store.get(StepKeys.draft(step.chapter(), step.scene()))
                        .map(json -> Json.read(json, StepRecord.class).content()).orElse(null);
                remember(ledger, memory, new ScenePosition(step.chapter(), step.scene()), draft);
            }
        }
        return ledger;
    }
}
