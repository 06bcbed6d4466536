package com.authorworks.engine.internal;

import com.authorworks.engine.story.ScenePosition;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScenesInFlightTests {

    private static final Runnable GOING = () -> { };

    @Test
    void aPromptIsReadyOnlyWhenNoEarlierSceneWasDraftedWhileItWasBeingMade() {
        ScenesInFlight scenes = new ScenesInFlight();
        CallGate.Turn turn = scenes.turnOf(new ScenePosition(3, 1), GOING);
        turn.await();
        assertThat(turn.ready()).isTrue();

        // an earlier scene's draft arrives while chapter 3's prompt is being made: made again (with its sentences)
        scenes.drafted(new ScenePosition(2, 1), "Ada took room 12.");
        assertThat(turn.ready()).isFalse();
        scenes.remembered(new ScenePosition(2, 1));
        assertThat(turn.ready()).as("its facts arrived after the prompt was made").isFalse();
        turn.await();
        assertThat(turn.ready()).isTrue();

        // a later scene's draft is none of its business
        scenes.drafted(new ScenePosition(4, 1), "Ada left.");
        assertThat(turn.ready()).isTrue();
    }

    @Test
    void pastItsWaitASceneGoesWithAnEarlierScenesDraftInsteadOfItsMemory() {
        ScenesInFlight scenes = new ScenesInFlight();
        scenes.drafted(new ScenePosition(1, 1), "Ada took room 12.");
        CallGate.Turn turn = scenes.turnOf(new ScenePosition(2, 1), GOING, java.time.Duration.ofMillis(200));

        turn.await();

        assertThat(turn.ready()).as("its draft's sentences stand in for its memory").isTrue();
        assertThat(scenes.draftsBefore(new ScenePosition(2, 1))).containsOnlyKeys(new ScenePosition(1, 1));
    }

    @Test
    void theDraftsBeforeASceneAreThoseNotYetRememberedAndEarlierInTheStory() {
        ScenesInFlight scenes = new ScenesInFlight();
        scenes.turnOf(new ScenePosition(1, 2), GOING).answered("Ada took room 12.");
        scenes.drafted(new ScenePosition(2, 1), "Ada owes Ben 40 crowns.");
        scenes.drafted(new ScenePosition(3, 1), "Ada left town.");

        assertThat(scenes.draftsBefore(new ScenePosition(3, 1))).containsOnlyKeys(new ScenePosition(1, 2), new ScenePosition(2, 1));
        scenes.remembered(new ScenePosition(1, 2));
        assertThat(scenes.draftsBefore(new ScenePosition(3, 1))).as("its facts are in the ledger now").containsOnlyKeys(new ScenePosition(2, 1));
        assertThat(scenes.draftsBefore(new ScenePosition(2, 1))).isEmpty();
    }

    @Test
    void aSceneWaitsForTheMemoryOfAnEarlierSceneWhoseDraftHasArrivedAndNeverForALaterOne() throws Exception {
        ScenesInFlight scenes = new ScenesInFlight();
        scenes.turnOf(new ScenePosition(1, 2), GOING).answered("Ada took room 12.");
        scenes.drafted(new ScenePosition(5, 1), "Ada left.");

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> scenes.turnOf(new ScenePosition(2, 1), GOING,
                java.time.Duration.ofMinutes(1)).await());
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        scenes.remembered(new ScenePosition(1, 2));
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(waiting).isDone();
    }

    @Test
    void aSceneWaitsNoLongerThanItsBoundForASlowMemory() {
        ScenesInFlight scenes = new ScenesInFlight();
        scenes.drafted(new ScenePosition(1, 1), "Ada took room 12.");
        CallGate.Turn turn = scenes.turnOf(new ScenePosition(2, 1), GOING, java.time.Duration.ofMillis(300));

        // its memory never answers: the wait ends at the bound all the same
        turn.await();

        assertThat(turn.ready()).as("past its bound the prompt goes with what is remembered").isTrue();
    }
}
