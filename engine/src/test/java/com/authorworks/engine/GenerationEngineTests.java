package com.authorworks.engine;

import com.authorworks.engine.internal.TokenCounter;
import com.authorworks.engine.llm.PromptCaching;
import com.authorworks.engine.sample.SampleLanguageModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationEngineTests {

    @TempDir
    Path dir;

    @Test
    void sampleWriterWritesACompleteBookWithManifestsAndCosts() {
        List<GenerationEvent> events = new CopyOnWriteArrayList<>();
        Books.Counting model = new Books.Counting();
        var store = new FileCheckpointStore(dir);
        var engine = new GenerationEngine(model, store, events::add, Books.options(4));

        RunResult result = engine.start(Books.spec(12, 36_000, 2));

        assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
        String book = engine.markdown();
        assertThat(book).startsWith("# The Lantern Keeper");
        assertThat(book.split("\n## Chapter ", -1)).hasSize(13);
        assertThat(book).contains(SampleLanguageModel.MARKER).doesNotContain("Not drafted yet");
        int words = book.split("\\s+").length;
        assertThat(words).isBetween(30_000, 45_000);
        long scenes = events.stream().filter(e -> e instanceof GenerationEvent.SceneDrafted).count();
        GenerationEvent last = events.getLast();
        assertThat(last).isInstanceOf(GenerationEvent.RunCompleted.class);
        assertThat(last.progress().scenesDone()).isEqualTo((int) scenes).isEqualTo(last.progress().scenesTotal());
        assertThat(engine.manifest(12, 1)).get().satisfies(m -> {
            assertThat(m.usedTokens()).isPositive().isLessThanOrEqualTo(m.budgetTokens());
            assertThat(m.parts()).extracting(ContextManifest.Part::name).contains("scene beats", "story ledger", "chapter plan");
        });
        CostReport cost = engine.cost();
        assertThat(cost.calls()).isEqualTo(model.calls.get());
        assertThat(cost.usage().inputTokens()).isPositive();
        assertThat(cost.byStep()).containsKeys("plan/outline", "draft", "memory", "summary");
        // a prefix is marked for caching exactly when it is long enough for the model to cache it
        assertThat(model.requests).allSatisfy(r -> assertThat(r.cachePrefix())
                .isEqualTo(TokenCounter.count(r.system()) >= PromptCaching.minimumTokens(r.model())));
    }

    @Test
    void theEstimateIsCloseToWhatARunReallyUses() {
        PriceTable priced = PriceTable.of("test", java.time.LocalDate.of(2025, 11, 1), java.util.Set.of(),
                List.of(PriceTable.ModelPrice.of("sample-writer", "3", "15", "0.30", "3.75")));
        BookSpec spec = Books.spec(6, 15_000, 2);
        EngineOptions options = Books.options(2).withPrices(priced);

        Estimate estimate = GenerationEngine.estimate(spec, options);
        var engine = new GenerationEngine(new Books.Counting(), new FileCheckpointStore(dir), null, options);
        CostReport actual = engine.start(spec).cost();

        assertThat(estimate.priced()).isTrue();
        assertThat((double) estimate.outputTokens() / actual.usage().outputTokens()).isBetween(0.7, 1.4);
        assertThat((double) estimate.calls() / actual.calls()).isBetween(0.7, 1.4);
        assertThat(estimate.inputTokens()).as("input is estimated at the prompt budget, an upper bound")
                .isGreaterThanOrEqualTo(actual.usage().inputTokens() / 2);
        assertThat(estimate.costUsd().doubleValue() / actual.costUsd().doubleValue()).isBetween(0.7, 2.0);
    }

    @Test
    void theEstimateOfAScriptCountsTheScenesAModelFirstAnswersInProse() {
        EngineOptions options = EngineOptions.defaults();
        BookSpec novel = new BookSpec("Harbour", "A harbour town and a missing ledger.", Format.NOVEL, 60_000, 20, "openai", "gpt-4o-mini", null, null, 4);
        BookSpec script = new BookSpec("Harbour", "A harbour town and a missing ledger.", Format.SCREENPLAY, 60_000, 20, "openai", "gpt-4o-mini", null, null, 4);
        BookSpec offline = new BookSpec("Harbour", "A harbour town and a missing ledger.", Format.SCREENPLAY, 60_000, 20, "sample", "sample-writer", null, null, 4);

        Estimate prose = GenerationEngine.estimate(novel, options);
        Estimate fountain = GenerationEngine.estimate(script, options);

        // the same scenes; about one in seven asked again, each a whole scene more out and its prompt and answer in
        assertThat(fountain.scenes()).isEqualTo(prose.scenes());
        assertThat(fountain.calls() - prose.calls()).isEqualTo(Math.round(prose.scenes() * 0.15));
        assertThat(fountain.outputTokens()).isGreaterThan(prose.outputTokens());
        assertThat(fountain.inputTokens()).isGreaterThan(prose.inputTokens());
        // the sample writer writes Fountain the first time
        assertThat(GenerationEngine.estimate(offline, options).calls()).isEqualTo(GenerationEngine.estimate(new BookSpec("Harbour",
                "A harbour town and a missing ledger.", Format.NOVEL, 60_000, 20, "sample", "sample-writer", null, null, 4), options).calls());
    }

    @Test
    void anActIsSummarisedAsSoonAsItsChaptersAreWrittenWhileLaterChaptersAreStillBeingDrafted() {
        Books.Counting model = new Books.Counting();
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(Books.spec(8, 8_000, 1)).status()).isEqualTo(RunResult.Status.COMPLETED);

        List<String> asked = model.requests.stream().map(r -> r.messages().getLast().content()).toList();
        int firstAct = indexOf(asked, "Summarise act 1 ");
        int lastChapter = indexOf(asked, "Chapter 8, scene 1:");
        assertThat(firstAct).isNotNegative();
        assertThat(lastChapter).isNotNegative();
        assertThat(firstAct).as("act 1 summarised before the last chapter is drafted").isLessThan(lastChapter);
        assertThat(engine.step(StepKeys.BOOK_SUMMARY)).isPresent();
    }

    private static int indexOf(List<String> prompts, String part) {
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
