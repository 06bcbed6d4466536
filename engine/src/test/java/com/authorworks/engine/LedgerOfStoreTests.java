package com.authorworks.engine;

import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerOfStoreTests {

    @TempDir
    Path dir;

    @Test
    void theLedgerIsReadBackFromTheCastAndEveryScenesMemory() {
        var store = new FileCheckpointStore(dir);
        assertThat(GenerationEngine.ledgerOf(store).history()).isEmpty();
        var engine = new GenerationEngine(new Books.Counting(), store, null, Books.options(2));
        engine.start(Books.spec(3, 6_000, 1));

        StoryLedger ledger = GenerationEngine.ledgerOf(store);

        Cast cast = tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(engine.step(StepKeys.CHARACTERS).orElseThrow().content(), Cast.class);
        assertThat(ledger.history()).filteredOn(e -> e.fact().since().equals(ScenePosition.PLAN))
                .extracting(e -> e.fact().subject()).containsAll(cast.names());
        long sceneFacts = engine.finishedSteps().stream().filter(k -> k.startsWith("memory/"))
                .mapToLong(k -> tools.jackson.databind.json.JsonMapper.builder().build()
                        .readValue(engine.step(k).orElseThrow().content(), com.authorworks.engine.story.SceneMemory.class).facts().size())
                .sum();
        assertThat(ledger.history()).filteredOn(e -> !e.fact().since().equals(ScenePosition.PLAN)).hasSize((int) sceneFacts);
        assertThat(sceneFacts).isPositive();
        assertThat(ledger.history()).extracting(e -> e.fact().since()).isSorted();
    }
}
