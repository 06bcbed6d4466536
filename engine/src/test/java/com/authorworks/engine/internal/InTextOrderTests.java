package com.authorworks.engine.internal;

import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InTextOrderTests {

    private static SceneMemory.NewFact room(String value) {
        return new SceneMemory.NewFact("Ines", Fact.Kind.CHARACTER, "location", value);
    }

    @Test
    void aSceneThatChangesAThingTwiceLeavesTheValueItEstablishedLastWhateverOrderTheModelListed() {
        String text = "Ines took room 12 at the chapel. Later, soaked, Ines took room 40 at the bathhouse.";
        List<SceneMemory.NewFact> newestFirst = List.of(room("room 40 at the bathhouse"),
                new SceneMemory.NewFact("Kit", Fact.Kind.CHARACTER, "mood", "wary"), room("room 12 at the chapel"), room("room 7 at the quay"));

        List<SceneMemory.NewFact> ordered = InTextOrder.of(newestFirst, text);

        // the value the text does not show (an earlier state restated) first, then the text's order; Kit keeps its place
        assertThat(ordered).extracting(SceneMemory.NewFact::value)
                .containsExactly("room 7 at the quay", "wary", "room 12 at the chapel", "room 40 at the bathhouse");
        StoryLedger ledger = new StoryLedger();
        Ledgers.remember(ledger, new SceneMemory("s", ordered, List.of()), new ScenePosition(1, 1));
        assertThat(ledger.asOf(new ScenePosition(1, 2), List.of("Ines")).get("Ines")).extracting(Fact::value)
                .containsExactly("room 40 at the bathhouse");
    }

    @Test
    void aFactThatRestatesTheValueInForceIsNoChange() {
        StoryLedger ledger = new StoryLedger();
        Ledgers.remember(ledger, new SceneMemory("s", List.of(room("the quay")), List.of()), new ScenePosition(1, 1));
        Ledgers.remember(ledger, new SceneMemory("s", List.of(room("the mill")), List.of()), new ScenePosition(1, 2));
        // the next scene's keeper re-lists what the ledger it was shown says, after the scene's own change
        Ledgers.remember(ledger, new SceneMemory("s", List.of(room("the lamp room"), room("The mill")), List.of()), new ScenePosition(1, 3));

        assertThat(ledger.asOf(new ScenePosition(1, 4), List.of("Ines")).get("Ines")).extracting(Fact::value).containsExactly("the lamp room");
    }

    @Test
    void anEarlierStateReListedBeforeANewerOneArrivedIsNoChangeUnlessTheSceneShowsIt() {
        StoryLedger ledger = new StoryLedger();
        Ledgers.remember(ledger, new SceneMemory("s", List.of(room("the quay")), List.of()), new ScenePosition(1, 1), "Ines took the quay.");
        // chapter 2's scene finished alongside and moved her; chapter 3's keeper had been shown the quay and re-lists it
        Ledgers.remember(ledger, new SceneMemory("s", List.of(room("the mill")), List.of()), new ScenePosition(2, 1), "Ines went to the mill.");
        Ledgers.remember(ledger, new SceneMemory("s", List.of(room("the quay")), List.of()), new ScenePosition(3, 1), "Ines waited.");

        assertThat(ledger.asOf(new ScenePosition(3, 2), List.of("Ines")).get("Ines")).extracting(Fact::value).containsExactly("the mill");

        // a scene that really takes her back shows it, and the older value holds again
        Ledgers.remember(ledger, new SceneMemory("s", List.of(room("the quay")), List.of()), new ScenePosition(3, 2), "Ines walked back to the quay.");
        assertThat(ledger.asOf(new ScenePosition(3, 3), List.of("Ines")).get("Ines")).extracting(Fact::value).containsExactly("the quay");
    }

    @Test
    void whatTheSceneShowsIsKeptBeforeWhatTheModelReListed() {
        String text = "Kit took the brass key 4471-QVX from the drawer.";
        List<SceneMemory.NewFact> relistedFirst = List.of(new SceneMemory.NewFact("Kit", Fact.Kind.CHARACTER, "mood", "wary since the quay"),
                new SceneMemory.NewFact("Kit", Fact.Kind.CHARACTER, "carries the brass key", "the brass key 4471-QVX"));

        assertThat(InTextOrder.shownFirst(relistedFirst, text)).extracting(SceneMemory.NewFact::attribute)
                .containsExactly("carries the brass key", "mood");
    }
}
