package com.authorworks.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumeTests {

    @TempDir
    Path dir;

    @Test
    void resumeAfterACrashWritesTheSameBookWithoutRepeatingAnyCall() {
        BookSpec spec = Books.spec(6, 12_000, 2);
        Books.Counting reference = new Books.Counting();
        GenerationEngine clean = new GenerationEngine(reference, new FileCheckpointStore(dir.resolve("clean")), null, Books.options(3));
        clean.start(spec);
        int total = reference.calls.get();
        int crashAt = 2 + new Random().nextInt(total - 2);

        Books.CrashingAt crashing = new Books.CrashingAt(crashAt);
        Path crashed = dir.resolve("crashed");
        assertThatThrownBy(() -> new GenerationEngine(crashing, new FileCheckpointStore(crashed), null, Books.options(3)).start(spec))
                .as("crash injected at call %d of %d", crashAt, total)
                .hasMessageContaining("injected crash");

        Books.Counting resumed = new Books.Counting();
        GenerationEngine fresh = new GenerationEngine(resumed, new FileCheckpointStore(crashed), null, Books.options(3));
        RunResult result = fresh.resume();

        assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(crashing.calls.get() + resumed.calls.get()).as("crash at call %d", crashAt).isEqualTo(total);
        assertThat(fresh.markdown()).isEqualTo(clean.markdown());
        assertThat(fresh.cost().calls()).isEqualTo(total);
    }

    @Test
    void aCrashInTheMiddleOfTheOutlineKeepsItsFinishedParts() {
        // chapter window 1: the book is then the same whatever the timing, so the resumed one can be compared
        BookSpec spec = Books.spec(12, 24_000, 1);
        Books.Counting reference = new Books.Counting();
        GenerationEngine clean = new GenerationEngine(reference, new FileCheckpointStore(dir.resolve("clean")), null, Books.options(1));
        clean.start(spec);
        // genre, style, characters, synopsis, the outline's skeleton, then two of its three calls for chapters' scenes
        Books.CrashingAt crashing = new Books.CrashingAt(8);
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("crashed"));
        assertThatThrownBy(() -> new GenerationEngine(crashing, store, null, Books.options(1)).start(spec)).hasMessageContaining("injected crash");
        assertThat(store.keys(StepKeys.partial(StepKeys.OUTLINE))).hasSize(3);
        assertThat(new GenerationEngine(crashing, store, null, Books.options(1)).cost().calls()).as("parts paid for are accounted").isEqualTo(7);

        Books.Counting resumed = new Books.Counting();
        GenerationEngine fresh = new GenerationEngine(resumed, store, null, Books.options(1));
        fresh.resume();

        assertThat(crashing.calls.get() + resumed.calls.get()).isEqualTo(reference.calls.get());
        assertThat(fresh.cost().calls()).isEqualTo(reference.calls.get());
        assertThat(fresh.markdown()).isEqualTo(clean.markdown());
        assertThat(store.keys(StepKeys.PARTIAL)).isEmpty();
        assertThat(store.keys(StepKeys.UNFINISHED)).isEmpty();
    }

    @Test
    void cancelAbandonsTheCallsInFlightAndTheNextRunRedoesOnlyThose() throws Exception {
        java.util.concurrent.CountDownLatch drafting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger interrupted = new java.util.concurrent.atomic.AtomicInteger();
        Books.Counting hanging = new Books.Counting() {
            @Override
            com.authorworks.engine.llm.Completion answer(com.authorworks.engine.llm.CompletionRequest request) {
                if (request.output() instanceof com.authorworks.engine.llm.OutputFormat.Text) {
                    drafting.countDown();
                    try {
                        new java.util.concurrent.CountDownLatch(1).await(); // a provider that never answers
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        Thread.currentThread().interrupt();
                        throw new com.authorworks.engine.llm.LanguageModelException.Unavailable("sample", "interrupted", e);
                    }
                }
                return super.answer(request);
            }
        };
        FileCheckpointStore store = new FileCheckpointStore(dir);
        GenerationEngine engine = new GenerationEngine(hanging, store, null, Books.options(4));
        var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> engine.start(Books.spec(4, 8_000, 2)));
        drafting.await();

        engine.cancel();

        assertThat(run.get(30, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(RunResult.Status.CANCELLED);
        assertThat(interrupted.get()).as("the call in flight was abandoned").isEqualTo(1);
        assertThat(engine.finishedSteps()).contains(StepKeys.OUTLINE).noneMatch(k -> k.startsWith("draft/"));

        Books.Counting after = new Books.Counting();
        assertThat(new GenerationEngine(after, store, null, Books.options(4)).resume().status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(after.requests).noneMatch(r -> r.output() instanceof com.authorworks.engine.llm.OutputFormat.Json j
                && j.name().equals("outline"));
    }

    @Test
    void budgetCapStopsCleanlyAndRaisingItFinishesTheBook() {
        PriceTable priced = PriceTable.of("test", java.time.LocalDate.of(2025, 11, 1), java.util.Set.of(),
                java.util.List.of(PriceTable.ModelPrice.of("sample-writer", "3", "15", "0.30", "3.75")));
        BookSpec spec = Books.spec(4, 8_000, 1).withBudget(Books.usd("0.10"));
        java.util.List<GenerationEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Books.Counting first = new Books.Counting();
        var store = new FileCheckpointStore(dir);
        RunResult stopped = new GenerationEngine(first, store, events::add, Books.options(1).withPrices(priced)).start(spec);

        assertThat(stopped.status()).isEqualTo(RunResult.Status.BUDGET_EXHAUSTED);
        assertThat(stopped.cost().costUsd()).isGreaterThanOrEqualTo(Books.usd("0.10")).isLessThan(Books.usd("0.20"));
        assertThat(events.getLast()).isInstanceOf(GenerationEvent.BudgetExhausted.class);

        Books.Counting second = new Books.Counting();
        var engine = new GenerationEngine(second, store, null, Books.options(1).withPrices(priced));
        RunResult finished = engine.resume(Books.usd("5.00"));

        assertThat(finished.status()).isEqualTo(RunResult.Status.COMPLETED);
        Books.Counting reference = new Books.Counting();
        var clean = new GenerationEngine(reference, new FileCheckpointStore(dir.resolve("clean")), null, Books.options(1).withPrices(priced));
        clean.start(spec.withBudget(null));
        assertThat(first.calls.get() + second.calls.get()).isEqualTo(reference.calls.get());
        assertThat(engine.markdown()).isEqualTo(clean.markdown());
        assertThat(finished.cost().costUsd()).isEqualByComparingTo(clean.cost().costUsd());
    }

    @Test
    void inOrderDraftingWritesTheSameBookAtAnyConcurrency() {
        BookSpec spec = Books.spec(8, 12_000, 1);
        var sequential = new GenerationEngine(new Books.Counting(), new FileCheckpointStore(dir.resolve("one")), null, Books.options(1));
        var parallel = new GenerationEngine(new Books.Counting(), new FileCheckpointStore(dir.resolve("eight")), null, Books.options(8));

        sequential.start(spec);
        parallel.start(spec);

        assertThat(parallel.markdown()).isEqualTo(sequential.markdown());
        for (int c = 1; c <= 8; c++) {
            assertThat(parallel.manifest(c, 1)).isEqualTo(sequential.manifest(c, 1));
        }
    }
}
