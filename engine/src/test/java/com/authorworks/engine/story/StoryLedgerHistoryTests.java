package com.authorworks.engine.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class StoryLedgerHistoryTests {

    private final StoryLedger ledger = new StoryLedger();

    @Test
    void theHistoryListsEveryFactInStoryOrderWithTheSceneThatSupersededIt() {
        ledger.alias("Addy", "Ada Quill");
        ledger.record(new Fact("Ada Quill", Fact.Kind.CHARACTER, "location", "the harbour", new ScenePosition(3, 1)));
        ledger.record(new Fact("Addy", Fact.Kind.CHARACTER, "Location", "the lighthouse", new ScenePosition(1, 2)));
        ledger.record(new Fact("the lamp", Fact.Kind.OBJECT, "state", "lit", new ScenePosition(1, 2)));
        ledger.record(new Fact("Ada Quill", Fact.Kind.CHARACTER, "role", "keeper", ScenePosition.PLAN));

        assertThat(ledger.history()).extracting(e -> e.fact().subject(), e -> e.fact().attribute(), e -> e.fact().value(),
                e -> e.fact().since(), StoryLedger.Entry::until).containsExactly(
                tuple("Ada Quill", "role", "keeper", ScenePosition.PLAN, null),
                tuple("Ada Quill", "location", "the lighthouse", new ScenePosition(1, 2), new ScenePosition(3, 1)),
                tuple("the lamp", "state", "lit", new ScenePosition(1, 2), null),
                tuple("Ada Quill", "location", "the harbour", new ScenePosition(3, 1), null));
        assertThat(ledger.aliases()).containsExactly(java.util.Map.entry("Addy", "Ada Quill"));
    }

    @Test
    void theHistoryAgreesWithWhatEachSceneSees() {
        ledger.record(new Fact("the lighthouse", Fact.Kind.PLACE, "condition", "intact", ScenePosition.PLAN));
        ledger.record(new Fact("the lighthouse", Fact.Kind.PLACE, "condition", "storm-damaged", new ScenePosition(2, 1)));
        ledger.record(new Fact("the lighthouse", Fact.Kind.PLACE, "condition", "repaired", new ScenePosition(4, 3)));

        for (ScenePosition at : java.util.List.of(new ScenePosition(1, 1), new ScenePosition(2, 1), new ScenePosition(2, 2),
                new ScenePosition(4, 3), new ScenePosition(5, 1))) {
            String seen = ledger.asOf(at, java.util.List.of("the lighthouse")).get("the lighthouse").getFirst().value();
            assertThat(ledger.history()).filteredOn(e -> e.fact().since().isBefore(at) && (e.until() == null || !e.until().isBefore(at)))
                    .extracting(e -> e.fact().value()).as("in force at %s", at).containsExactly(seen);
        }
    }
}
