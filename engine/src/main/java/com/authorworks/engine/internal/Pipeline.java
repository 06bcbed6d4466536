package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.GenerationEvent;
import com.authorworks.engine.ProgressListener;
import com.authorworks.engine.RunResult;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.Genre;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.StoryLedger;
import com.authorworks.engine.story.StyleGuide;
import com.authorworks.engine.story.Synopsis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One run of the pipeline over a checkpoint store: every step whose checkpoint exists is read, every
 * other one is computed and checkpointed, so a run after a crash continues at the first unfinished
 * step. Plan steps run in order; chapters are drafted in parallel within the book's chapter window,
 * scenes of a chapter in order.
 */
public final class Pipeline {

    private final StepStore steps;
    private final ProgressListener listener;
    private final EngineOptions options;
    private final RunAccount account = new RunAccount();
    private final CallGate gate;
    private final StructuredAsk asking;
    /** Stops after the outline: the author approves the plan before anything is drafted. */
    private final boolean planOnly;
    private BookSpec spec;

    public Pipeline(LanguageModel model, CheckpointStore store, ProgressListener listener, EngineOptions options, AtomicBoolean cancelled) {
        this(model, store, listener, options, cancelled, false);
    }

    public Pipeline(LanguageModel model, CheckpointStore store, ProgressListener listener, EngineOptions options, AtomicBoolean cancelled,
                    boolean planOnly) {
        this.planOnly = planOnly;
        this.steps = new StepStore(store);
        this.listener = listener;
        this.options = options;
        this.gate = new CallGate(model, options, cancelled, account);
        this.asking = new StructuredAsk(gate, options.structuredTries());
    }

    /**
     * Abandons the calls in flight (after {@code cancelled} was set): their threads are interrupted, which
     * the HTTP adapters answer by giving up, so a cancelled run ends at once instead of after its longest
     * call. What an abandoned call had produced is lost; the provider may still bill it.
     */
    public void abandonCalls() {
        gate.abandonCalls();
    }

    /** Runs to the end, to the budget cap, or until cancelled. Failures other than the budget propagate. */
    public RunResult run() {
        CheckpointStore store = steps.checkpoints();
        spec = Json.read(store.get(StepKeys.SPEC).orElseThrow(() -> new IllegalStateException("No book spec in the checkpoint store")),
                BookSpec.class);
        gate.budget(spec.budgetUsd());
        loadAccount();
        listener.on(new GenerationEvent.RunStarted(account.progress("start")));
        try {
            String planner = Prompts.planner(spec);
            String genreJson = planStep(StepKeys.GENRE, Genre.class, planner, Prompts.genre(), "genre", Schemas.genre(), PlanChecks::genre);
            String styleJson = planStep(StepKeys.STYLE, StyleGuide.class, planner, Prompts.style(genreJson), "style_guide", Schemas.style(),
                    PlanChecks::style);
            String castJson = planStep(StepKeys.CHARACTERS, Cast.class, planner, Prompts.characters(spec, genreJson, styleJson), "characters",
                    Schemas.characters(), PlanChecks::cast);
            Cast cast = Json.read(castJson, Cast.class);
            String synopsisJson = planStep(StepKeys.SYNOPSIS, Synopsis.class, planner, Prompts.synopsis(castJson), "synopsis",
                    Schemas.synopsis(), PlanChecks::synopsis);
            OutlinePlanner outliner = new OutlinePlanner(spec, steps, asking);
            StepStore.Done outlineStep = steps.step(StepKeys.OUTLINE, calls -> Json.write(PlanChecks.normalise(
                    outliner.plan(planner, synopsisJson, castJson, cast, calls), spec.targetWords())));
            Outline outline = Json.read(outlineStep.record().content(), Outline.class);
            account.scenesTotal(outline.sceneCount());
            if (outlineStep.fresh()) {
                emitStep(StepKeys.OUTLINE); // its progress already counts the outline's scenes
            }
            if (planOnly) {
                return new RunResult(RunResult.Status.PLANNED, Accounts.report(store));
            }
            StoryLedger ledger = new StoryLedger();
            Ledgers.seed(ledger, cast);
            String drafter = Prompts.drafter(spec, Json.read(styleJson, StyleGuide.class), Json.read(synopsisJson, Synopsis.class), cast, outline);
            ScenesInFlight inFlight = new ScenesInFlight();
            SceneContext context = new SceneContext(spec, outline, ledger, steps, drafter, options.sceneContextTokens(), inFlight);
            Compressor compressor = new Compressor(spec, gate);
            BookSummaries summaries = new BookSummaries(spec, outline, steps, asking, compressor, this::emitStep);
            List<String> acts = draftChapters(new ChapterWriter(spec, outline, steps, gate, asking, compressor, ledger, context, account, listener,
                    inFlight), summaries);
            summaries.book(acts);
            listener.on(new GenerationEvent.RunCompleted(account.progress("done")));
            return new RunResult(RunResult.Status.COMPLETED, Accounts.report(store));
        } catch (RunStopped stopped) {
            if (stopped.reason() == RunStopped.Reason.BUDGET) {
                listener.on(new GenerationEvent.BudgetExhausted(spec.budgetUsd(), account.progress("budget")));
                return new RunResult(RunResult.Status.BUDGET_EXHAUSTED, Accounts.report(store));
            }
            return new RunResult(RunResult.Status.CANCELLED, Accounts.report(store));
        }
    }

    /**
     * Drafts the chapters within the window, and summarises each act as soon as its chapters are written (while
     * later chapters are still being drafted: nothing a draft reads depends on it). Answers the acts' summaries.
     */
    private List<String> draftChapters(ChapterWriter writer, BookSummaries summaries) {
        int window = spec.chapterWindow();
        List<CompletableFuture<Void>> chapters = new ArrayList<>();
        List<CompletableFuture<String>> acts = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 1; c <= spec.chapters(); c++) {
                int chapter = c;
                CompletableFuture<?>[] before = chapters.subList(0, Math.max(0, c - window)).toArray(CompletableFuture[]::new);
                chapters.add(CompletableFuture.allOf(before).thenRunAsync(() -> {
                    try {
                        writer.write(chapter);
                    } catch (RuntimeException e) {
                        gate.failed(e);
                        throw e;
                    }
                }, pool));
            }
            int[] ends = summaries.actEnds();
            for (int a = 1; a <= ends.length; a++) {
                int act = a;
                CompletableFuture<?>[] its = chapters.subList(a == 1 ? 0 : ends[a - 2], ends[a - 1]).toArray(CompletableFuture[]::new);
                acts.add(CompletableFuture.allOf(its).thenApplyAsync(done -> {
                    try {
                        return summaries.act(act);
                    } catch (RuntimeException e) {
                        gate.failed(e);
                        throw e;
                    }
                }, pool));
            }
            List<CompletableFuture<?>> all = new ArrayList<>(chapters);
            all.addAll(acts);
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        RuntimeException failure = gate.failure();
        if (failure != null) {
            throw failure;
        }
        List<CompletableFuture<?>> parts = new ArrayList<>(chapters);
        parts.addAll(acts);
        for (CompletableFuture<?> chapter : parts) {
            if (chapter.isCompletedExceptionally()) {
                // not a RuntimeException (an Error): nothing after the chapters may run on a book with a chapter missing
                Throwable cause = chapter.exceptionNow();
                if (cause instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(cause);
            }
        }
        return acts.stream().map(CompletableFuture::join).toList();
    }

    /** A plan step (the spec's model), announced when this run computed it. */
    private <T> String planStep(String key, Class<T> type, String system, String user, String schemaName, String schema,
                                Function<T, List<String>> check) {
        StepStore.Done done = steps.step(key, calls -> Json.write(asking.ask(new StructuredAsk.Question<>(StepKeys.kind(key), key, type, system,
                user, schemaName, schema, check, spec.model(), 4_096), calls)));
        if (done.fresh()) {
            emitStep(key);
        }
        return done.record().content();
    }

    private void loadAccount() {
        int done = 0;
        long written = 0;
        for (String key : steps.checkpoints().keys("draft/")) {
            StepKeys.Step step = StepKeys.parse(key);
            done++;
            written += Words.count(steps.finalText(step.chapter(), step.scene()));
        }
        account.load(Accounts.report(steps.checkpoints()), done, written);
    }

    private void emitStep(String key) {
        listener.on(new GenerationEvent.StepCompleted(key, account.progress(key)));
    }
}
