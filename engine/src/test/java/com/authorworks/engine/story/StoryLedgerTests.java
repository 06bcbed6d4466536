package com.authorworks.engine.story;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoryLedgerTests {

    private final StoryLedger ledger = new StoryLedger();

    @Test
    void aFactHoldsFromItsSceneUntilSuperseded() {
        ledger.record(new Fact("Ada Quill", Fact.Kind.CHARACTER, "location", "the lighthouse", new ScenePosition(1, 2)));
        ledger.record(new Fact("Ada Quill", Fact.Kind.CHARACTER, "location", "the harbour", new ScenePosition(3, 1)));

        assertThat(ledger.asOf(new ScenePosition(1, 2), List.of("Ada Quill"))).as("not yet established").isEmpty();
        assertThat(value(new ScenePosition(1, 3))).isEqualTo("the lighthouse");
        assertThat(value(new ScenePosition(3, 1))).as("scene 3.1 itself still sees the old fact").isEqualTo("the lighthouse");
        assertThat(value(new ScenePosition(3, 2))).isEqualTo("the harbour");
        assertThat(value(new ScenePosition(9, 1))).isEqualTo("the harbour");
    }

    @Test
    void factsRecordedOutOfStoryOrderAreStillResolvedByStoryOrder() {
        ledger.record(new Fact("Ada Quill", Fact.Kind.CHARACTER, "location", "the harbour", new ScenePosition(3, 1)));
        ledger.record(new Fact("Ada Quill", Fact.Kind.CHARACTER, "location", "the lighthouse", new ScenePosition(1, 2)));

        assertThat(value(new ScenePosition(2, 1))).isEqualTo("the lighthouse");
        assertThat(value(new ScenePosition(4, 1))).isEqualTo("the harbour");
    }

    @Test
    void aliasesResolveToTheSameSubject() {
        ledger.alias("Addy", "Ada Quill");
        ledger.alias("the Keeper", "Ada Quill");
        ledger.record(new Fact("Addy", Fact.Kind.CHARACTER, "carrying", "a brass key", new ScenePosition(1, 1)));
        ledger.record(new Fact("ada quill", Fact.Kind.CHARACTER, "Mood", "wary", new ScenePosition(1, 2)));

        var facts = ledger.asOf(new ScenePosition(2, 1), List.of("the keeper"));

        assertThat(facts).containsOnlyKeys("Ada Quill");
        assertThat(facts.get("Ada Quill")).extracting(Fact::attribute, Fact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("carrying", "a brass key"), org.assertj.core.groups.Tuple.tuple("mood", "wary"));
        assertThat(ledger.mentionedIn("At dawn Addy climbs the stairs.", p -> true)).containsExactly("Ada Quill");
    }

    @Test
    void invisibleScenesAreLeftOut() {
        ledger.record(new Fact("the lighthouse", Fact.Kind.PLACE, "condition", "intact", ScenePosition.PLAN));
        ledger.record(new Fact("the lighthouse", Fact.Kind.PLACE, "condition", "storm-damaged", new ScenePosition(4, 1)));

        var seen = ledger.asOf(new ScenePosition(5, 1), List.of("The Lighthouse"), p -> p.chapter() < 4);

        assertThat(seen.values()).singleElement().satisfies(f -> assertThat(f).extracting(Fact::value).containsExactly("intact"));
        assertThat(ledger.mentionedIn("They rowed to the lighthouse.", p -> p.chapter() < 4)).containsExactly("the lighthouse");
        assertThat(ledger.mentionedIn("They rowed to the lighthouse.", p -> false)).isEmpty();
    }

    private String value(ScenePosition at) {
        return ledger.asOf(at, List.of("Ada Quill")).get("Ada Quill").getFirst().value();
    }
}
