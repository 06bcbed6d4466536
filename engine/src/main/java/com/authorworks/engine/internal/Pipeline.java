package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.GenerationEvent;
import com.authorworks.engine.ProgressListener;
import com.authorworks.engine.RunResult;
import com.authorworks.engine.StepFailedException;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.ChapterSummary;
import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.Genre;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;
import com.authorworks.engine.story.StyleGuide;
import com.authorworks.engine.story.Synopsis;

import tools.jackson.core.JacksonException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One run of the pipeline over a checkpoint store: every step whose checkpoint exists is read, every
 * other one is computed and checkpointed, so a run after a crash continues at the first unfinished
 * step. Plan steps run in order; chapters are drafted in parallel within the book's chapter window,
 * scenes of a chapter in order.
 */
public final class Pipeline {

    private static final int TAIL_WORDS = 300;
    /**
     * How many earlier chapters a scene prompt summarises one by one; older ones are covered by the
     * book synopsis and the act summary. Keeps prompt size flat over a long book instead of growing
     * with every chapter until the budget is full.
     */
    private static final int RECENT_CHAPTERS = 3;
    /** How many subjects a scene's plan merely mentions get ledger entries, so the ledger part stays bounded. */
    private static final int MENTIONED_SUBJECTS = 3;

    private final LanguageModel model;
    private final CheckpointStore store;
    private final ProgressListener listener;
    private final EngineOptions options;
    private final AtomicBoolean cancelled;
    private final Semaphore inFlight;
    private final StoryLedger ledger = new StoryLedger();
    private final AtomicReference<RuntimeException> stop = new AtomicReference<>();

    private final Object account = new Object();
    private long inputTokens;
    private long outputTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private int scenesDone;
    private int scenesDoneAtStart;
    private int scenesTotal;
    private long words;
    private final Instant startedAt = Instant.now();

    private BookSpec spec;
    private String drafterSystem;

    /** Stops after the outline: the author approves the plan before anything is drafted. */
    private final boolean planOnly;

    public Pipeline(LanguageModel model, CheckpointStore store, ProgressListener listener, EngineOptions options, AtomicBoolean cancelled) {
        this(model, store, listener, options, cancelled, false);
    }

    public Pipeline(LanguageModel model, CheckpointStore store, ProgressListener listener, EngineOptions options, AtomicBoolean cancelled,
                    boolean planOnly) {
        this.planOnly = planOnly;
        this.model = model;
        this.store = store;
        this.listener = listener;
        this.options = options;
        this.cancelled = cancelled;
        this.inFlight = new Semaphore(options.concurrency());
    }

    /** Runs to the end, to the budget cap, or until cancelled. Failures other than the budget propagate. */
    public RunResult run() {
        spec = Json.read(store.get(StepKeys.SPEC).orElseThrow(() -> new IllegalStateException("No book spec in the checkpoint store")),
                BookSpec.class);
        loadAccounts();
        listener.on(new GenerationEvent.RunStarted(progress("start")));
        try {
            String planner = Prompts.planner(spec);
            String genreJson = structuredStep(StepKeys.GENRE, Genre.class, planner, Prompts.genre(), "genre", Schemas.genre(),
                    PlanChecks::genre, spec.model(), Function.identity()).content();
            String styleJson = structuredStep(StepKeys.STYLE, StyleGuide.class, planner, Prompts.style(genreJson), "style_guide",
                    Schemas.style(), PlanChecks::style, spec.model(), Function.identity()).content();
            String castJson = structuredStep(StepKeys.CHARACTERS, Cast.class, planner, Prompts.characters(spec, genreJson, styleJson),
                    "characters", Schemas.characters(), PlanChecks::cast, spec.model(), Function.identity()).content();
            Cast cast = Json.read(castJson, Cast.class);
            String synopsisJson = structuredStep(StepKeys.SYNOPSIS, Synopsis.class, planner, Prompts.synopsis(castJson), "synopsis",
                    Schemas.synopsis(), PlanChecks::synopsis, spec.model(), Function.identity()).content();
            int acts = Math.min(spec.format().acts(), spec.chapters());
            double perChapter = spec.targetWords() / (double) spec.chapters();
            int scenes = (int) Math.max(1, Math.min(6, Math.round(perChapter / 1500)));
            int sceneWords = (int) Math.max(100, perChapter / scenes);
            Outline outline = Json.read(structuredStep(StepKeys.OUTLINE, Outline.class, planner,
                    Prompts.outline(spec, synopsisJson, castJson, Outline.actEnds(spec.chapters(), acts), sceneWords), "outline",
                    Schemas.outline(spec.chapters(), acts, cast.names(), Math.max(1, scenes - 1), scenes + 1, sceneWords),
                    o -> PlanChecks.outline(o, spec.chapters(), acts, cast), spec.model(),
                    o -> PlanChecks.normalise(o, spec.targetWords())).content(), Outline.class);
            synchronized (account) {
                scenesTotal = outline.sceneCount();
            }
            if (planOnly) {
                return new RunResult(RunResult.Status.PLANNED, Accounts.report(store));
            }
            seedLedger(cast);
            drafterSystem = Prompts.drafter(spec, Json.read(styleJson, StyleGuide.class));
            draftChapters(outline, Json.read(synopsisJson, Synopsis.class));
            StringBuilder chapters = new StringBuilder();
            for (int c = 1; c <= spec.chapters(); c++) {
                chapters.append(spec.format().unit()).append(' ').append(c).append(": ").append(chapterSummary(c)).append("\n\n");
            }
            structuredStep(StepKeys.BOOK_SUMMARY, ChapterSummary.class, Prompts.keeper(spec), Prompts.bookSummary(chapters.toString()),
                    "book_summary", Schemas.summary(), PlanChecks::summary, spec.summaryModelOrDefault(), Function.identity());
            listener.on(new GenerationEvent.RunCompleted(progress("done")));
            return new RunResult(RunResult.Status.COMPLETED, Accounts.report(store));
        } catch (Stopped stopped) {
            if (stopped.reason == Stopped.Reason.BUDGET) {
                listener.on(new GenerationEvent.BudgetExhausted(spec.budgetUsd(), progress("budget")));
                return new RunResult(RunResult.Status.BUDGET_EXHAUSTED, Accounts.report(store));
            }
            return new RunResult(RunResult.Status.CANCELLED, Accounts.report(store));
        }
    }

    private void draftChapters(Outline outline, Synopsis synopsis) {
        int window = spec.chapterWindow();
        List<CompletableFuture<Void>> chapters = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 1; c <= spec.chapters(); c++) {
                int chapter = c;
                CompletableFuture<?>[] before = chapters.subList(0, Math.max(0, c - window)).toArray(CompletableFuture[]::new);
                chapters.add(CompletableFuture.allOf(before).thenRunAsync(() -> {
                    try {
                        draftChapter(chapter, outline, synopsis);
                    } catch (RuntimeException e) {
                        stop.compareAndSet(null, e);
                        throw e;
                    }
                }, pool));
            }
            CompletableFuture.allOf(chapters.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        RuntimeException failure = stop.get();
        if (failure != null) {
            throw failure;
        }
    }

    private void draftChapter(int c, Outline outline, Synopsis synopsis) {
        Outline.ChapterPlan plan = outline.chapter(c);
        StringBuilder sceneSummaries = new StringBuilder();
        for (int s = 1; s <= plan.scenes().size(); s++) {
            Outline.ScenePlan scene = plan.scenes().get(s - 1);
            int chapter = c;
            int number = s;
            Done draft = step(StepKeys.draft(c, s), calls -> draftScene(chapter, number, outline, synopsis, calls));
            if (draft.fresh()) {
                int sceneWords = Words.count(draft.record().content());
                synchronized (account) {
                    scenesDone++;
                    words += sceneWords;
                }
                listener.on(new GenerationEvent.SceneDrafted(c, s, sceneWords, progress(draft.record().key())));
            }
            String text = draft.record().content();
            ScenePosition position = new ScenePosition(c, s);
            Predicate<ScenePosition> visible = visibleFrom(position);
            String ledgerText = renderLedger(ledger.asOf(position, involved(scene, visible), visible));
            SceneMemory memory = Json.read(structuredStep(StepKeys.memory(c, s), SceneMemory.class, Prompts.keeper(spec),
                    Prompts.memory(c, s, scene, ledgerText, text), "scene_memory", Schemas.memory(), PlanChecks::memory,
                    spec.summaryModelOrDefault(), Function.identity()).content(), SceneMemory.class);
            Ledgers.remember(ledger, memory, position);
            if (!memory.contradictions().isEmpty()) {
                Done revision = step(StepKeys.revision(c, s), calls -> revise(text, memory, calls));
                if (revision.fresh()) {
                    adjustWords(Words.count(revision.record().content()) - Words.count(text));
                    emitStep(revision.record().key());
                }
            }
            sceneSummaries.append(s).append(". ").append(memory.summary()).append("\n");
        }
        structuredStep(StepKeys.chapterSummary(c), ChapterSummary.class, Prompts.keeper(spec),
                Prompts.chapterSummary(spec.format(), c, plan.title(), sceneSummaries.toString()), "chapter_summary", Schemas.summary(),
                PlanChecks::summary, spec.summaryModelOrDefault(), Function.identity());
        listener.on(new GenerationEvent.ChapterCompleted(c, progress(StepKeys.chapterSummary(c))));
    }

    private String draftScene(int c, int s, Outline outline, Synopsis synopsis, List<CallRecord> calls) {
        Outline.ChapterPlan chapter = outline.chapter(c);
        Outline.ScenePlan scene = chapter.scenes().get(s - 1);
        ScenePosition position = new ScenePosition(c, s);
        int window = spec.chapterWindow();
        String unit = spec.format().unit();
        List<ContextBuilder.Part> parts = new ArrayList<>();
        parts.add(new ContextBuilder.Part("scene beats", 2, 90, "This " + spec.format().part(),
                List.of(Prompts.sceneTask(spec.format(), c, s, scene)), false, true));
        parts.add(new ContextBuilder.Part("story ledger", 3, 40, "Story ledger: facts in force before this " + spec.format().part(),
                ledgerItems(ledger.asOf(position, involved(scene, visibleFrom(position)), visibleFrom(position))), false, false));
        StringBuilder plan = new StringBuilder(unit + " " + c + ": " + chapter.title() + "\n" + chapter.summary() + "\n");
        for (int i = 0; i < chapter.scenes().size(); i++) {
            plan.append(i + 1).append(". ").append(chapter.scenes().get(i).title())
                    .append(i + 1 == s ? " (this one)" : i + 1 < s ? " (written)" : "").append('\n');
        }
        parts.add(new ContextBuilder.Part("chapter plan", 4, 30, "This " + unit.toLowerCase(Locale.ROOT) + "'s plan", List.of(plan.toString().strip()),
                false, false));
        parts.add(new ContextBuilder.Part("book synopsis", 5, 10, "The story", List.of(synopsis.logline() + "\n" + synopsis.synopsis()), false, false));
        Outline.Act act = outline.acts().get(outline.actOf(c) - 1);
        parts.add(new ContextBuilder.Part("act summary", 6, 15, "This act", List.of(act.title() + ": " + act.summary()), false, false));
        List<String> earlierScenes = new ArrayList<>();
        for (int i = 1; i < s; i++) {
            earlierScenes.add(i + ". " + Json.read(record(StepKeys.memory(c, i)).content(), SceneMemory.class).summary());
        }
        parts.add(new ContextBuilder.Part("previous scenes", 7, 25, "Earlier in this " + unit.toLowerCase(Locale.ROOT), earlierScenes, true, false));
        List<String> earlierChapters = new ArrayList<>();
        List<ContextManifest.Part> notVisible = new ArrayList<>();
        for (int k = Math.max(1, c - RECENT_CHAPTERS); k < c; k++) {
            if (k <= c - window) {
                earlierChapters.add(unit + " " + k + ": " + chapterSummary(k));
            } else {
                earlierChapters.add(unit + " " + k + " (as planned): " + outline.chapter(k).summary());
                notVisible.add(new ContextManifest.Part(unit.toLowerCase(Locale.ROOT) + " " + k + " as written", 8, 0, 0, 1,
                        ContextManifest.Status.NOT_VISIBLE, "drafted alongside this one (chapter window " + window
                        + "): its plan stood in for its summary, ledger facts and ending"));
            }
        }
        parts.add(new ContextBuilder.Part("previous chapters", 8, 20, "Previous " + Prompts.plural(unit).toLowerCase(Locale.ROOT),
                earlierChapters, true, false));
        String tail = s > 1 ? tail(finalText(c, s - 1)) : c > 1 && c - 1 <= c - window
                ? tail(finalText(c - 1, outline.chapter(c - 1).scenes().size())) : null;
        if (tail != null) {
            parts.add(new ContextBuilder.Part("previous scene ending", 9, 50, "How the previous " + spec.format().part() + " ended (verbatim)",
                    List.of(tail), false, false));
        }
        ContextBuilder.Built built = ContextBuilder.build(StepKeys.draft(c, s), drafterSystem, parts, notVisible, options.sceneContextTokens());
        store.put(StepKeys.manifest(c, s), Json.write(built.manifest()));
        Completion completion = call("draft", spec.model(), built.system(), List.of(Message.user(built.user())), OutputFormat.text(),
                scene.wordTarget() * 2 + 400, 0.8, calls);
        return completion.text().strip();
    }

    private String revise(String text, SceneMemory memory, List<CallRecord> calls) {
        String revised = text;
        for (SceneMemory.Contradiction contradiction : memory.contradictions()) {
            String passage = contradiction.passage() == null ? "" : contradiction.passage().strip();
            if (passage.isEmpty() || !revised.contains(passage)) {
                continue;
            }
            Completion answer = call("revision", spec.model(), drafterSystem,
                    List.of(Message.user(Prompts.revision(revised, passage, contradiction.conflictsWith(), contradiction.correction()))),
                    OutputFormat.text(), TokenCounter.count(passage) * 2 + 200, 0.5, calls);
            revised = revised.replace(passage, answer.text().strip());
        }
        return revised;
    }

    /** A structured step: asks, validates, and asks again with the problems until valid or out of tries. */
    private <T> StepRecord structuredStep(String key, Class<T> type, String system, String user, String schemaName, String schema,
                                          Function<T, List<String>> check, String modelName, Function<T, T> normalise) {
        Done done = step(key, calls -> {
            List<Message> messages = new ArrayList<>(List.of(Message.user(user)));
            List<String> problems = List.of();
            for (int attempt = 1; attempt <= options.structuredTries(); attempt++) {
                Completion completion = call(attempt == 1 ? StepKeys.kind(key) : "retry after invalid output", modelName, system, messages,
                        OutputFormat.json(schemaName, schema), key.equals(StepKeys.OUTLINE)
                                ? Math.min(32_000, 2_000 + 700 * spec.chapters()) : 4_096, 0.4, calls);
                try {
                    T value = Json.read(completion.text(), type);
                    problems = check.apply(value);
                    if (problems.isEmpty()) {
                        return Json.write(normalise.apply(value));
                    }
                } catch (JacksonException e) {
                    problems = List.of("not valid JSON for the schema: " + e.getOriginalMessage());
                }
                messages.add(Message.assistant(completion.text()));
                messages.add(Message.user("That answer is invalid:\n- " + String.join("\n- ", problems)
                        + "\nAnswer again with the complete corrected JSON."));
            }
            throw new StepFailedException(key, "no valid answer after " + options.structuredTries() + " tries: " + String.join("; ", problems));
        });
        if (done.fresh() && !key.startsWith("memory/")) {
            emitStep(key);
        }
        return done.record();
    }

    private Done step(String key, Function<List<CallRecord>, String> compute) {
        var stored = store.get(key);
        if (stored.isPresent()) {
            return new Done(Json.read(stored.get(), StepRecord.class), false);
        }
        List<CallRecord> calls = new ArrayList<>();
        String content = compute.apply(calls);
        StepRecord record = new StepRecord(key, content, calls, false, Instant.now());
        store.put(key, Json.write(record));
        return new Done(record, true);
    }

    private Completion call(String purpose, String modelName, String system, List<Message> messages, OutputFormat output, int maxTokens,
                            double temperature, List<CallRecord> calls) {
        checkGoing();
        inFlight.acquireUninterruptibly();
        Completion completion;
        try {
            checkGoing();
            completion = model.complete(new CompletionRequest(modelName, system, messages, temperature, maxTokens, output, true,
                    options.key(), null));
        } finally {
            inFlight.release();
        }
        CallRecord record = new CallRecord(purpose, completion.provider(), completion.model(), completion.usage(),
                options.prices().cost(completion.provider(), completion.model(), completion.usage()), options.prices().version());
        calls.add(record);
        synchronized (account) {
            inputTokens += record.usage().inputTokens();
            outputTokens += record.usage().outputTokens();
            cost = cost.add(record.costUsd());
        }
        return completion;
    }

    private void checkGoing() {
        if (cancelled.get()) {
            throw new Stopped(Stopped.Reason.CANCELLED);
        }
        if (stop.get() != null) {
            throw stop.get() instanceof Stopped s ? new Stopped(s.reason) : new Stopped(Stopped.Reason.FAILED);
        }
        if (spec.budgetUsd() != null) {
            synchronized (account) {
                if (cost.compareTo(spec.budgetUsd()) >= 0) {
                    Stopped budget = new Stopped(Stopped.Reason.BUDGET);
                    stop.compareAndSet(null, budget);
                    throw budget;
                }
            }
        }
    }

    private void loadAccounts() {
        var report = Accounts.report(store);
        int done = 0;
        long written = 0;
        for (String key : store.keys("draft/")) {
            done++;
            String[] parts = key.split("/");
            written += Words.count(finalText(Integer.parseInt(parts[1].substring(1)), Integer.parseInt(parts[2].substring(1))));
        }
        synchronized (account) {
            inputTokens = report.usage().inputTokens();
            outputTokens = report.usage().outputTokens();
            cost = report.costUsd();
            scenesDone = done;
            scenesDoneAtStart = done;
            words = written;
        }
    }

    private void seedLedger(Cast cast) {
        Ledgers.seed(ledger, cast);
    }

    /** What a scene at this position may know: the plan, chapters finished before it started, its own chapter's earlier scenes. */
    private Predicate<ScenePosition> visibleFrom(ScenePosition position) {
        int window = spec.chapterWindow();
        return p -> p.equals(ScenePosition.PLAN) || p.chapter() <= position.chapter() - window
                || (p.chapter() == position.chapter() && p.scene() < position.scene());
    }

    /** The ledger subjects a scene involves: its POV, who is present, its setting, and anything its plan names. */
    private List<String> involved(Outline.ScenePlan scene, Predicate<ScenePosition> visible) {
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(scene.pov());
        subjects.addAll(scene.characters());
        subjects.add(scene.setting());
        ledger.mentionedIn(scene.title() + " " + scene.setting() + " " + String.join(" ", scene.beats()), visible).stream()
                .filter(name -> !subjects.contains(name)).limit(MENTIONED_SUBJECTS).forEach(subjects::add);
        return List.copyOf(subjects);
    }

    private static List<String> ledgerItems(Map<String, List<Fact>> facts) {
        return facts.entrySet().stream().map(e -> e.getKey() + ": " + String.join("; ", e.getValue().stream()
                .map(f -> f.attribute() + " = " + f.value() + " (since " + f.since() + ")").toList())).toList();
    }

    private static String renderLedger(Map<String, List<Fact>> facts) {
        return String.join("\n", ledgerItems(facts));
    }

    private String chapterSummary(int chapter) {
        return Json.read(record(StepKeys.chapterSummary(chapter)).content(), ChapterSummary.class).summary();
    }

    private String finalText(int chapter, int scene) {
        return store.get(StepKeys.revision(chapter, scene)).or(() -> store.get(StepKeys.draft(chapter, scene)))
                .map(json -> Json.read(json, StepRecord.class).content()).orElse("");
    }

    private StepRecord record(String key) {
        return Json.read(store.get(key).orElseThrow(() -> new IllegalStateException("Missing checkpoint " + key)), StepRecord.class);
    }

    private static String tail(String text) {
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length <= TAIL_WORDS) {
            return text.strip();
        }
        return "…" + String.join(" ", java.util.Arrays.copyOfRange(tokens, tokens.length - TAIL_WORDS, tokens.length));
    }

    private void adjustWords(int delta) {
        synchronized (account) {
            words += delta;
        }
    }

    private void emitStep(String key) {
        listener.on(new GenerationEvent.StepCompleted(key, progress(key)));
    }

    private GenerationEvent.Progress progress(String step) {
        synchronized (account) {
            Duration eta = null;
            int fresh = scenesDone - scenesDoneAtStart;
            if (fresh > 0 && scenesTotal > 0) {
                Duration elapsed = Duration.between(startedAt, Instant.now());
                eta = elapsed.multipliedBy(scenesTotal - scenesDone).dividedBy(fresh);
            }
            return new GenerationEvent.Progress(step, scenesDone, scenesTotal, words, inputTokens, outputTokens, cost, eta);
        }
    }

    private record Done(StepRecord record, boolean fresh) {
    }

    /** Ends a run early without it being an error of its own. */
    private static final class Stopped extends RuntimeException {
        enum Reason { BUDGET, CANCELLED, FAILED }

        private final Reason reason;

        Stopped(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }
    }
}
