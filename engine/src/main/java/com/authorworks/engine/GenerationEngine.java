package com.authorworks.engine;

import com.authorworks.engine.internal.Accounts;
import com.authorworks.engine.internal.BookRenderer;
import com.authorworks.engine.internal.Estimator;
import com.authorworks.engine.internal.Json;
import com.authorworks.engine.internal.PlanChecks;
import com.authorworks.engine.internal.Pipeline;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.ChapterSummary;
import com.authorworks.engine.story.Genre;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.StyleGuide;
import com.authorworks.engine.story.Synopsis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine's entry point for one book, over one checkpoint store. {@link #start} a new book or
 * {@link #resume} an existing one: both continue at the first unfinished step. Between runs the
 * author can {@link #edit} an artifact or {@link #regenerate} it; either invalidates only what
 * depends on it. One run at a time per store.
 */
public final class GenerationEngine {

    private final LanguageModel model;
    private final CheckpointStore store;
    private final ProgressListener listener;
    private final EngineOptions options;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Pipeline running;

    public GenerationEngine(LanguageModel model, CheckpointStore store, ProgressListener listener, EngineOptions options) {
        this.model = Objects.requireNonNull(model, "model");
        this.store = Objects.requireNonNull(store, "store");
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What the spec is expected to cost; calls no model. */
    public static Estimate estimate(BookSpec spec, EngineOptions options) {
        return Estimator.estimate(spec, options);
    }

    /**
     * Starts a book. If the store already holds the same spec this simply resumes; a different one is refused.
     */
    public RunResult start(BookSpec spec) {
        store(spec);
        return resume();
    }

    /**
     * Starts a book but runs only its plan (genre, style, characters, synopsis, outline) and stops with
     * {@link RunResult.Status#PLANNED}, so the author can read, edit and approve it; {@link #resume()}
     * then drafts the book. Plan steps already stored are not run again.
     */
    public RunResult plan(BookSpec spec) {
        store(spec);
        cancelled.set(false);
        return new Pipeline(model, store, listener, options, cancelled, true).run();
    }

    private void store(BookSpec spec) {
        Optional<BookSpec> existing = spec();
        if (existing.isPresent() && !existing.get().withBudget(null).equals(spec.withBudget(null))) {
            throw new IllegalStateException("This store already holds another book ('" + existing.get().title() + "')");
        }
        store.put(StepKeys.SPEC, Json.write(spec));
    }

    /** Continues the stored book at its first unfinished step. */
    public RunResult resume() {
        cancelled.set(false);
        Pipeline pipeline = new Pipeline(model, store, listener, options, cancelled);
        running = pipeline;
        try {
            return pipeline.run();
        } finally {
            running = null;
        }
    }

    /** Continues the stored book with a new budget cap (null for none). */
    public RunResult resume(BigDecimal budgetUsd) {
        store.put(StepKeys.SPEC, Json.write(spec().orElseThrow(() -> new IllegalStateException("No book to resume")).withBudget(budgetUsd)));
        return resume();
    }

    /**
     * Stops the running run: no new call starts and the calls in flight are abandoned (their threads
     * interrupted, which the provider adapters answer by giving up). The run returns
     * {@link RunResult.Status#CANCELLED}; finished steps stay checkpointed, the steps in flight are redone by the next run.
     */
    public void cancel() {
        cancelled.set(true);
        Pipeline pipeline = running;
        if (pipeline != null) {
            pipeline.abandonCalls();
        }
    }

    public Optional<BookSpec> spec() {
        return specIn(store);
    }

    /** The book a store holds, read without a model (to find out which provider to build). */
    public static Optional<BookSpec> specIn(CheckpointStore store) {
        return store.get(StepKeys.SPEC).map(json -> Json.read(json, BookSpec.class));
    }

    /** A finished step's checkpoint. */
    public Optional<StepRecord> step(String key) {
        return store.get(key).filter(j -> StepKeys.isStep(key)).map(json -> Json.read(json, StepRecord.class));
    }

    /** Every finished step, sorted by key. */
    public List<String> finishedSteps() {
        return store.keys("").stream().filter(StepKeys::isStep).toList();
    }

    /** What went into the drafting prompt of a scene. */
    public Optional<ContextManifest> manifest(int chapter, int scene) {
        return store.get(StepKeys.manifest(chapter, scene)).map(json -> Json.read(json, ContextManifest.class));
    }

    public CostReport cost() {
        return Accounts.report(store);
    }

    /** The work as Markdown, with what is not drafted yet marked as such. */
    public String markdown() {
        return markdownOf(store);
    }

    /** The work a store holds, chapter by chapter, read without a model. */
    public static DraftedBook bookOf(CheckpointStore store) {
        return BookRenderer.book(store);
    }

    /** The story ledger as a store's checkpoints make it (the cast, then every scene's facts), read without a model. */
    public static com.authorworks.engine.story.StoryLedger ledgerOf(CheckpointStore store) {
        return com.authorworks.engine.internal.Ledgers.of(store);
    }

    /** The work a store holds, as Markdown, read without a model. */
    public static String markdownOf(CheckpointStore store) {
        return BookRenderer.markdown(store);
    }

    /**
     * Replaces a step's artifact with the author's version and invalidates its dependents. Structured
     * artifacts must be valid JSON for their step.
     *
     * @return the keys invalidated (the edited one excluded)
     */
    public Set<String> edit(String key, String content) {
        if (!StepKeys.isStep(key)) {
            throw new IllegalArgumentException("Not a step: " + key);
        }
        List<String> problems = validate(key, content);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid " + key + ": " + String.join("; ", problems));
        }
        Set<String> invalidated = dependents(key);
        invalidated.forEach(store::delete);
        store.keys(StepKeys.partial(key)).forEach(store::delete);
        store.put(key, Json.write(new StepRecord(key, content, List.of(), true, Instant.now())));
        return invalidated;
    }

    /**
     * Throws away a step's artifact and everything that depends on it; the next run computes them again.
     *
     * @return the keys invalidated, the step itself included
     */
    public Set<String> regenerate(String key) {
        Set<String> invalidated = dependents(key);
        invalidated.add(key);
        invalidated.forEach(store::delete);
        // parts of an unfinished step are answers to the old question: asked again, not reused
        invalidated.forEach(k -> store.keys(StepKeys.partial(k)).forEach(store::delete));
        if (key.startsWith("draft/")) {
            store.delete(key.replace("draft/", "manifest/"));
        }
        return invalidated;
    }

    private Set<String> dependents(String key) {
        int window = spec().map(BookSpec::chapterWindow).orElse(1);
        List<String> stored = store.keys("").stream().filter(k -> StepKeys.isStep(k) || k.startsWith("manifest/")).toList();
        Set<String> invalid = new LinkedHashSet<>(List.of(key));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String candidate : stored) {
                if (!invalid.contains(candidate) && invalid.stream().anyMatch(i -> StepKeys.dependsOn(candidate, i, window))) {
                    invalid.add(candidate);
                    grew = true;
                }
            }
        }
        invalid.remove(key);
        return invalid;
    }

    private List<String> validate(String key, String content) {
        BookSpec spec = spec().orElseThrow(() -> new IllegalStateException("No book in this store"));
        try {
            return switch (StepKeys.kind(key)) {
                case StepKeys.GENRE -> PlanChecks.genre(Json.read(content, Genre.class));
                case StepKeys.STYLE -> PlanChecks.style(Json.read(content, StyleGuide.class));
                case StepKeys.CHARACTERS -> PlanChecks.cast(Json.read(content, Cast.class));
                case StepKeys.SYNOPSIS -> PlanChecks.synopsis(Json.read(content, Synopsis.class));
                case StepKeys.OUTLINE -> PlanChecks.outline(Json.read(content, Outline.class), spec.chapters(),
                        Math.min(spec.format().acts(), spec.chapters()),
                        Json.read(step(StepKeys.CHARACTERS).orElseThrow().content(), Cast.class));
                case "memory" -> PlanChecks.memory(Json.read(content, SceneMemory.class));
                case "summary" -> PlanChecks.summary(Json.read(content, ChapterSummary.class));
                default -> content.isBlank() ? List.of("text is empty") : List.of();
            };
        } catch (tools.jackson.core.JacksonException e) {
            return List.of("not valid JSON for this step: " + e.getOriginalMessage());
        }
    }
}
