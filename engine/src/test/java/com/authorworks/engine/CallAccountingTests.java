package com.authorworks.engine;

import com.authorworks.engine.internal.Accounts;
import com.authorworks.engine.internal.TokenCounter;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every call the provider served is on the account, from the moment it is sent, exactly once. */
class CallAccountingTests {

    @TempDir
    Path dir;

    @Test
    void aCallIsOnTheAccountBeforeItIsSentWithItsPromptCounted() {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        List<String> problems = new CopyOnWriteArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        Books.Counting checking = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                CostReport now = Accounts.report(store);
                long prompt = TokenCounter.count(request.system()) + request.messages().stream().mapToLong(m -> TokenCounter.count(m.content())).sum()
                        + (request.output() instanceof OutputFormat.Json json ? TokenCounter.count(json.jsonSchema()) : 0);
                List<CallRecord> estimated = unfinished(store).stream().filter(CallRecord::estimated).toList();
                if (now.calls() != answered.get() + 1 || now.estimatedCalls() != 1 || estimated.size() != 1
                        || !estimated.getFirst().usage().equals(new Usage(prompt, 0, 0, 0))) {
                    problems.add("call " + (answered.get() + 1) + ": " + now + " " + estimated);
                }
                Completion completion = super.answer(request);
                answered.incrementAndGet();
                return completion;
            }
        };

        new GenerationEngine(checking, store, null, Books.options(1)).start(Books.spec(2, 3_000, 1));

        assertThat(answered.get()).isGreaterThan(10);
        assertThat(problems).isEmpty();
        CostReport done = Accounts.report(store);
        assertThat(done.calls()).isEqualTo(answered.get());
        assertThat(done.estimatedCalls()).isZero();
    }

    @Test
    void aRunKilledMidCallLeavesTheCallOnTheAccountAndTheResumedRunBooksItOnce() throws Exception {
        BookSpec spec = Books.spec(2, 4_000, 1);
        EngineOptions priced = Books.options(1).withPrices(PriceTable.of("test", java.time.LocalDate.of(2025, 11, 1), java.util.Set.of(),
                List.of(PriceTable.ModelPrice.of("sample-writer", "3", "15", "0.30", "3.75"))));
        Books.Counting reference = new Books.Counting();
        GenerationEngine clean = new GenerationEngine(reference, new FileCheckpointStore(dir.resolve("clean")), null, priced);
        clean.start(spec);

        // the third drafting call streams a little, then hangs; the disk as it is then is what a kill -9 leaves
        CountDownLatch hanging = new CountDownLatch(1);
        List<String> streamed = new CopyOnWriteArrayList<>();
        AtomicInteger drafts = new AtomicInteger();
        Books.Counting dying = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                if (!(request.output() instanceof OutputFormat.Text) || drafts.incrementAndGet() != 3) {
                    return super.answer(request);
                }
                Completion whole = super.answer(new CompletionRequest(request.model(), request.system(), request.messages(),
                        request.temperature(), request.maxTokens(), request.output(), request.cachePrefix(), request.key(), null));
                String text = whole.text();
                try {
                    request.onDelta().accept(text.substring(0, 40));
                    streamed.add(text.substring(0, 40));
                    Thread.sleep(1_100); // past the estimate's refresh interval (a second)
                    request.onDelta().accept(text.substring(40, 200));
                    streamed.add(text.substring(40, 200));
                    hanging.countDown();
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LanguageModelException.Unavailable("sample", "interrupted", e);
                }
                return whole;
            }
        };
        Path running = dir.resolve("running");
        GenerationEngine doomed = new GenerationEngine(dying, new FileCheckpointStore(running), null, priced);
        var run = CompletableFuture.supplyAsync(() -> doomed.start(spec));
        assertThat(hanging.await(60, TimeUnit.SECONDS)).isTrue();
        Path killed = dir.resolve("killed");
        copy(running, killed);
        doomed.cancel();
        run.get(30, TimeUnit.SECONDS);

        FileCheckpointStore store = new FileCheckpointStore(killed);
        CostReport atDeath = Accounts.report(store);
        assertThat(atDeath.calls()).as("the calls answered and the one in flight").isEqualTo(dying.calls.get());
        assertThat(atDeath.estimatedCalls()).isOne();
        CallRecord inFlight = unfinished(store).stream().filter(CallRecord::estimated).findFirst().orElseThrow();
        assertThat(inFlight.usage().outputTokens()).as("what had streamed, refreshed while streaming").isEqualTo(TokenCounter.count(String.join("", streamed)));
        assertThat(inFlight.usage().inputTokens()).isPositive();
        assertThat(inFlight.costUsd()).isPositive();

        Books.Counting resumed = new Books.Counting();
        GenerationEngine fresh = new GenerationEngine(resumed, store, null, priced);
        RunResult result = fresh.resume();

        assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(fresh.markdown()).isEqualTo(clean.markdown());
        assertThat(result.cost().calls()).as("each call once: the dead run's, its call in flight, the resumed run's")
                .isEqualTo(dying.calls.get() + resumed.calls.get()).isEqualTo(reference.calls.get() + 1);
        assertThat(result.cost().estimatedCalls()).isOne();
        assertThat(result.cost().byStep().get(Accounts.UNFINISHED).calls()).isOne();
        assertThat(result.cost().costUsd()).isEqualByComparingTo(clean.cost().costUsd().add(inFlight.costUsd()));
    }

    @Test
    void aCallCancelledMidStreamStaysOnTheAccountAsWhatItHadStreamed() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        String piece = "The lamp room smelled of paraffin and salt.";
        Books.Counting hanging = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                if (request.output() instanceof OutputFormat.Text) {
                    request.onDelta().accept(piece);
                    streaming.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new LanguageModelException.Unavailable("sample", "interrupted", e);
                    }
                }
                return super.answer(request);
            }
        };
        FileCheckpointStore store = new FileCheckpointStore(dir);
        GenerationEngine engine = new GenerationEngine(hanging, store, null, Books.options(1));
        var run = CompletableFuture.supplyAsync(() -> engine.start(Books.spec(1, 2_000, 1)));
        assertThat(streaming.await(60, TimeUnit.SECONDS)).isTrue();

        engine.cancel();

        assertThat(run.get(30, TimeUnit.SECONDS).status()).isEqualTo(RunResult.Status.CANCELLED);
        CostReport cost = engine.cost();
        assertThat(cost.calls()).isEqualTo(hanging.calls.get());
        assertThat(unfinished(store)).singleElement().satisfies(call -> {
            assertThat(call.estimated()).isTrue();
            assertThat(call.purpose()).isEqualTo("draft");
            assertThat(call.usage().outputTokens()).isEqualTo(TokenCounter.count(piece));
        });
    }

    @Test
    void anAnswerWithoutTheProvidersCountIsBookedAsAnEstimateOfIt() {
        Books.Counting uncounted = new Books.Counting() {
            @Override
            Completion answer(CompletionRequest request) {
                Completion answer = super.answer(request);
                return new Completion(answer.text(), Usage.NONE, answer.model(), answer.provider(), answer.finishReason());
            }
        };
        GenerationEngine engine = new GenerationEngine(uncounted, new FileCheckpointStore(dir), null, Books.options(1));

        engine.start(Books.spec(1, 2_000, 1));

        List<CallRecord> calls = calls(engine);
        assertThat(calls).hasSize(uncounted.calls.get()).allSatisfy(call -> {
            assertThat(call.estimated()).isTrue();
            assertThat(call.usage().inputTokens()).isPositive();
            assertThat(call.usage().outputTokens()).isPositive();
        });
        assertThat(engine.cost().estimatedCalls()).isEqualTo(calls.size());
    }

    /** Every call in the checkpoints' records (steps and unfinished ones alike). */
    static List<CallRecord> calls(GenerationEngine engine) {
        List<CallRecord> calls = new ArrayList<>();
        for (String key : engine.finishedSteps()) {
            calls.addAll(engine.step(key).orElseThrow().calls());
        }
        return calls;
    }

    private static List<CallRecord> unfinished(FileCheckpointStore store) {
        return store.keys(StepKeys.UNFINISHED).stream()
                .flatMap(key -> com.authorworks.engine.internal.Json.read(store.get(key).orElseThrow(), StepRecord.class).calls().stream())
                .toList();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().startsWith(".tmp-")) {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
