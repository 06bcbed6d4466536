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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the pipeline over a checkpoint store: every step whose checkpoint exists is read, every
 * other one is computed and checkpointed, so a run after a crash continues at the first unfinished
 * step. Plan steps run in order; chapters are drafted in parallel within the book's chapter window,
 * scenes of a chapter in order.
 */
public final class Pipeline {

    private static final int TAIL_WORDS = 300;
    private static final Pattern CHAPTER_IN_KEY = Pattern.compile("/c(\\d{3})/");
    /**
     * How many earlier chapters a scene prompt summarises one by one; older ones are covered by the
     * book synopsis and the act summary. Keeps prompt size flat over a long book instead of growing
     * with every chapter until the budget is full.
     */
    private static final int RECENT_CHAPTERS = 3;
    /**
     * How many chapters one call of the outline's second pass plans. Fixed (not the concurrency), so
     * the outline depends on the spec alone; small enough that the calls run side by side, large enough
     * that the shared prefix (synopsis, cast, skeleton) is not re-read once per chapter.
     */
    private static final int CHAPTERS_PER_OUTLINE_CALL = 5;
    /** How many subjects a scene's plan merely mentions get ledger entries, so the ledger part stays bounded. */
    private static final int MENTIONED_SUBJECTS = 3;

    private final LanguageModel model;
    private final CheckpointStore store;
    private final ProgressListener listener;
    private final EngineOptions options;
    private final AtomicBoolean cancelled;
    private final StoryOrderGate inFlight;
    private final StoryLedger ledger = new StoryLedger();
    private final AtomicReference<RuntimeException> stop = new AtomicReference<>();
    private final Map<String, CountDownLatch> warming = new ConcurrentHashMap<>();
    /** Threads inside a model call, to interrupt when the run is cancelled. */
    private final Set<Thread> calling = new java.util.HashSet<>();
    /** Chapter summaries written by the memory call of a chapter's last scene, until checkpointed. */
    private final Map<Integer, String> chapterSummaries = new ConcurrentHashMap<>();

    /** Names this run's records of unfinished steps, so a later run never overwrites an earlier run's. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36) + Long.toString(System.nanoTime() % 1296, 36);
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
        this.inFlight = new StoryOrderGate(options.concurrency());
    }

    /**
     * Abandons the calls in flight (after {@code cancelled} was set): their threads are interrupted, which
     * the HTTP adapters answer by giving up, so a cancelled run ends at once instead of after its longest
     * call. What an abandoned call had produced is lost; the provider may still bill it.
     */
    public void abandonCalls() {
        synchronized (calling) {
            calling.forEach(Thread::interrupt);
        }
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
            Done outlineStep = step(StepKeys.OUTLINE, calls -> Json.write(PlanChecks.normalise(
                    planOutline(planner, synopsisJson, castJson, cast, calls), spec.targetWords())));
            Outline outline = Json.read(outlineStep.record().content(), Outline.class);
            synchronized (account) {
                scenesTotal = outline.sceneCount();
            }
            if (outlineStep.fresh()) {
                emitStep(StepKeys.OUTLINE); // its progress already counts the outline's scenes
            }
            if (planOnly) {
                return new RunResult(RunResult.Status.PLANNED, Accounts.report(store));
            }
            seedLedger(cast);
            drafterSystem = Prompts.drafter(spec, Json.read(styleJson, StyleGuide.class), Json.read(synopsisJson, Synopsis.class));
            draftChapters(outline);
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

    /**
     * The outline in two passes: the skeleton (acts, what each chapter does) in one call, then every
     * group of chapters' scenes in parallel. These calls share one system prompt (synopsis, cast, skeleton)
     * that providers cache, and only the skeleton waits for a whole answer before drafting can be planned.
     */
    private Outline planOutline(String planner, String synopsisJson, String castJson, Cast cast, List<CallRecord> calls) {
        int acts = Math.min(spec.format().acts(), spec.chapters());
        double perChapter = spec.targetWords() / (double) spec.chapters();
        int scenes = (int) Math.max(1, Math.min(6, Math.round(perChapter / 1500)));
        int sceneWords = (int) Math.max(100, perChapter / scenes);
        String skeletonPrompt = Prompts.outlineSkeleton(spec, synopsisJson, castJson, Outline.actEnds(spec.chapters(), acts));
        StepRecord skeletonPart = step(StepKeys.partial(StepKeys.OUTLINE, "skeleton", spec.model() + planner + skeletonPrompt),
                mine -> Json.write(ask(StepKeys.OUTLINE, StepKeys.OUTLINE, OutlineSkeleton.class, planner, skeletonPrompt, "outline",
                        Schemas.outlineSkeleton(spec.chapters(), acts), o -> PlanChecks.skeleton(o, spec.chapters(), acts), spec.model(),
                        Math.min(16_000, 1_000 + 200 * spec.chapters()), mine))).record();
        OutlineSkeleton skeleton = Json.read(skeletonPart.content(), OutlineSkeleton.class);
        calls.addAll(skeletonPart.calls());
        String system = Prompts.chapterPlanner(spec, synopsisJson, castJson, skeleton.render(spec.format().unit()));
        List<CompletableFuture<PlannedChapters>> groups = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int first = 1; first <= spec.chapters(); first += CHAPTERS_PER_OUTLINE_CALL) {
                int last = Math.min(spec.chapters(), first + CHAPTERS_PER_OUTLINE_CALL - 1);
                List<OutlineSkeleton.Chapter> ideas = skeleton.chapters().subList(first - 1, last);
                String name = "c%03d-c%03d".formatted(first, last);
                String user = Prompts.chapterScenes(spec.format(), first, ideas, Math.max(1, scenes - 1), scenes + 1, sceneWords);
                String schema = Schemas.chapterScenes(ideas.size(), cast.names(), Math.max(1, scenes - 1), scenes + 1, sceneWords);
                int from = first;
                String part = StepKeys.partial(StepKeys.OUTLINE, name, spec.model() + system + user);
                groups.add(CompletableFuture.supplyAsync(() -> {
                    StepRecord planned = step(part, mine -> Json.write(ask(StepKeys.OUTLINE + "/" + name, StepKeys.OUTLINE,
                            OutlineSkeleton.ChapterScenes.class, system, user, "chapter_scenes", schema,
                            p -> PlanChecks.scenes(p, from, ideas.size(), spec.format().unit().toLowerCase(Locale.ROOT), cast), spec.model(),
                            1_000 + 500 * (scenes + 1) * ideas.size(), mine))).record();
                    List<Outline.ChapterPlan> plans = new ArrayList<>();
                    var answer = Json.read(planned.content(), OutlineSkeleton.ChapterScenes.class);
                    for (int i = 0; i < ideas.size(); i++) {
                        plans.add(new Outline.ChapterPlan(ideas.get(i).title(), ideas.get(i).summary(), answer.chapters().get(i).scenes()));
                    }
                    return new PlannedChapters(plans, planned.calls());
                }, pool));
            }
            CompletableFuture.allOf(groups.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        RuntimeException failure = null;
        List<Outline.ChapterPlan> chapters = new ArrayList<>();
        for (CompletableFuture<PlannedChapters> group : groups) {
            if (group.isCompletedExceptionally()) {
                Throwable cause = group.exceptionNow();
                failure = failure != null ? failure : cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            } else {
                chapters.addAll(group.resultNow().plans());
                calls.addAll(group.resultNow().calls());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Outline(skeleton.acts(), chapters);
    }

    private record PlannedChapters(List<Outline.ChapterPlan> plans, List<CallRecord> calls) {
    }

    private void draftChapters(Outline outline) {
        int window = spec.chapterWindow();
        List<CompletableFuture<Void>> chapters = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 1; c <= spec.chapters(); c++) {
                int chapter = c;
                CompletableFuture<?>[] before = chapters.subList(0, Math.max(0, c - window)).toArray(CompletableFuture[]::new);
                chapters.add(CompletableFuture.allOf(before).thenRunAsync(() -> {
                    try {
                        draftChapter(chapter, outline);
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

    private void draftChapter(int c, Outline outline) {
        Outline.ChapterPlan plan = outline.chapter(c);
        StringBuilder sceneSummaries = new StringBuilder();
        for (int s = 1; s <= plan.scenes().size(); s++) {
            Outline.ScenePlan scene = plan.scenes().get(s - 1);
            int chapter = c;
            int number = s;
            Done draft = step(StepKeys.draft(c, s), calls -> draftScene(chapter, number, outline, calls));
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
            List<String> checked = new ArrayList<>(List.of(scene.pov()));
            checked.addAll(scene.characters());
            checked.add(scene.setting());
            String ledgerText = renderLedger(ledger.asOf(position, checked, establishedByScenes(visible)));
            boolean last = s == plan.scenes().size();
            String earlier = sceneSummaries.toString();
            Done remembered = step(StepKeys.memory(c, s), calls -> {
                if (!last) {
                    return Json.write(ask(StepKeys.kind(StepKeys.memory(chapter, number)), StepKeys.memory(chapter, number), SceneMemory.class,
                            Prompts.keeper(spec), Prompts.memory(chapter, number, scene, ledgerText, text), "scene_memory", Schemas.memory(),
                            PlanChecks::memory, spec.summaryModelOrDefault(), 4_096, calls));
                }
                // the chapter's last scene: the same call also summarises the chapter, sparing a call that
                // would read the scene summaries again
                LastSceneMemory answer = ask(StepKeys.kind(StepKeys.memory(chapter, number)), StepKeys.memory(chapter, number),
                        LastSceneMemory.class, Prompts.keeper(spec), Prompts.lastMemory(spec.format(), chapter, number, plan.title(), scene,
                                ledgerText, text, earlier), "scene_memory", Schemas.lastSceneMemory(),
                        m -> PlanChecks.lastMemory(m), spec.summaryModelOrDefault(), 4_096, calls);
                chapterSummaries.put(chapter, answer.chapterSummary());
                return Json.write(answer.memory());
            });
            SceneMemory memory = Json.read(remembered.record().content(), SceneMemory.class);
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
        String summarised = chapterSummaries.remove(c);
        if (summarised != null && store.get(StepKeys.chapterSummary(c)).isEmpty()) {
            step(StepKeys.chapterSummary(c), calls -> Json.write(new ChapterSummary(summarised)));
            emitStep(StepKeys.chapterSummary(c));
        } else {
            // resumed after the last scene's memory, or its summary regenerated: ask for it on its own
            structuredStep(StepKeys.chapterSummary(c), ChapterSummary.class, Prompts.keeper(spec),
                    Prompts.chapterSummary(spec.format(), c, plan.title(), sceneSummaries.toString()), "chapter_summary", Schemas.summary(),
                    PlanChecks::summary, spec.summaryModelOrDefault(), Function.identity());
        }
        listener.on(new GenerationEvent.ChapterCompleted(c, progress(StepKeys.chapterSummary(c))));
    }

    private String draftScene(int c, int s, Outline outline, List<CallRecord> calls) {
        Outline.ChapterPlan chapter = outline.chapter(c);
        Outline.ScenePlan scene = chapter.scenes().get(s - 1);
        ScenePosition position = new ScenePosition(c, s);
        int window = spec.chapterWindow();
        String unit = spec.format().unit();
        List<ContextBuilder.Part> parts = new ArrayList<>();
        ScriptChecks.Frame frame = ScriptChecks.frame(spec.format(), c, s, chapter.scenes().size(), spec.chapters());
        parts.add(new ContextBuilder.Part("scene beats", 2, 90, "This " + spec.format().part(),
                List.of(Prompts.sceneTask(spec.format(), c, s, scene, frame)), false, true));
        parts.add(new ContextBuilder.Part("story ledger", 3, 40, "Story ledger: facts in force before this " + spec.format().part(),
                ledgerItems(ledger.asOf(position, involved(scene, visibleFrom(position)), visibleFrom(position))), false, false));
        StringBuilder plan = new StringBuilder(unit + " " + c + ": " + chapter.title() + "\n" + chapter.summary() + "\n");
        for (int i = 0; i < chapter.scenes().size(); i++) {
            plan.append(i + 1).append(". ").append(chapter.scenes().get(i).title())
                    .append(i + 1 == s ? " (this one)" : i + 1 < s ? " (written)" : "").append('\n');
        }
        parts.add(new ContextBuilder.Part("chapter plan", 4, 30, "This " + unit.toLowerCase(Locale.ROOT) + "'s plan", List.of(plan.toString().strip()),
                false, false));
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
        return SceneDrafts.draft(spec.format(), frame, StepKeys.draft(c, s), options.structuredTries(), built.user(), (purpose, messages) ->
                call(purpose, spec.model(), built.system(), messages, OutputFormat.text(), scene.wordTarget() * 2 + 400, 0.8, calls));
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
            revised = SceneDrafts.withRevision(spec.format(), revised, passage, answer.text());
        }
        return revised;
    }

    /** A structured step: asks, validates, and asks again with the problems until valid or out of tries. */
    private <T> StepRecord structuredStep(String key, Class<T> type, String system, String user, String schemaName, String schema,
                                          Function<T, List<String>> check, String modelName, Function<T, T> normalise) {
        Done done = step(key, calls -> Json.write(normalise.apply(ask(StepKeys.kind(key), key, type, system, user, schemaName, schema, check,
                modelName, 4_096, calls))));
        if (done.fresh() && !key.startsWith("memory/")) {
            emitStep(key);
        }
        return done.record();
    }

    /** One structured answer, asked again with the problems until valid or out of tries; {@code key} names the step that fails. */
    private <T> T ask(String purpose, String key, Class<T> type, String system, String user, String schemaName, String schema,
                      Function<T, List<String>> check, String modelName, int maxTokens, List<CallRecord> calls) {
        List<Message> messages = new ArrayList<>(List.of(Message.user(user)));
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= options.structuredTries(); attempt++) {
            Completion completion = call(attempt == 1 ? purpose : purpose.equals(StepKeys.kind(key)) ? "retry after invalid output"
                    : purpose + " retry after invalid output", modelName, system, messages, OutputFormat.json(schemaName, schema), maxTokens,
                    0.4, calls);
            try {
                T value = Json.read(completion.text(), type);
                problems = check.apply(value);
                if (problems.isEmpty()) {
                    return value;
                }
            } catch (JacksonException e) {
                problems = List.of("not valid JSON for the schema: " + e.getOriginalMessage());
            }
            messages.add(Message.assistant(completion.text()));
            messages.add(Message.user("That answer is invalid:\n- " + String.join("\n- ", problems)
                    + "\nAnswer again with the complete corrected JSON."));
        }
        throw new StepFailedException(key, "no valid answer after " + options.structuredTries() + " tries: " + String.join("; ", problems));
    }

    private Done step(String key, Function<List<CallRecord>, String> compute) {
        var stored = store.get(key);
        if (stored.isPresent()) {
            return new Done(Json.read(stored.get(), StepRecord.class), false);
        }
        PaidCalls calls = new PaidCalls(StepKeys.unfinished(key, runId));
        String content = compute.apply(calls);
        StepRecord record = new StepRecord(key, content, calls, false, Instant.now());
        store.put(key, Json.write(record));
        calls.settled();
        if (key.equals(StepKeys.OUTLINE)) {
            // the one step made of parts: they are in its record now
            store.keys(StepKeys.partial(key)).forEach(store::delete);
        }
        return new Done(record, true);
    }

    /**
     * The calls a step has paid for. Each one is also kept under {@code unfinished/<step>/<run>} until the
     * step is checkpointed, so the calls of a step that never finishes (failed, cancelled, killed) are
     * still in the cost report. Parts copied in with {@code addAll} are accounted where they came from.
     */
    private final class PaidCalls extends ArrayList<CallRecord> {
        private final String key;
        /** The step's chapter (0 before the chapters): its calls' place in the queue for the streams. */
        private final int rank;
        private boolean written;

        PaidCalls(String key) {
            this.key = key;
            Matcher chapter = CHAPTER_IN_KEY.matcher(key);
            this.rank = chapter.find() ? Integer.parseInt(chapter.group(1)) : 0;
        }

        @Override
        public synchronized boolean add(CallRecord call) {
            super.add(call);
            store.put(key, Json.write(new StepRecord(key, "", List.copyOf(this), false, Instant.now())));
            written = true;
            return true;
        }

        synchronized void settled() {
            if (written) {
                store.delete(key);
            }
        }
    }

    private Completion call(String purpose, String modelName, String system, List<Message> messages, OutputFormat output, int maxTokens,
                            double temperature, List<CallRecord> calls) {
        checkGoing();
        // the first call with a new cacheable prefix goes alone until its answer starts, so the calls
        // after it read the provider's prompt cache instead of each writing it again
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch first = warming.putIfAbsent(modelName + '\u0000' + system, started);
        if (first != null) {
            awaitGoing(first);
        }
        try {
            inFlight.acquire(calls instanceof PaidCalls paid ? paid.rank : 0, this::checkGoing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(Stopped.Reason.CANCELLED);
        }
        Completion completion;
        Thread caller = Thread.currentThread();
        try {
            checkGoing();
            synchronized (calling) {
                calling.add(caller);
            }
            completion = model.complete(new CompletionRequest(modelName, system, messages, temperature, maxTokens, output, true,
                    options.key(), piece -> started.countDown()));
        } catch (RuntimeException e) {
            if (cancelled.get()) {
                throw new Stopped(Stopped.Reason.CANCELLED);
            }
            throw e;
        } finally {
            synchronized (calling) {
                calling.remove(caller);
            }
            if (cancelled.get()) {
                // an interrupt meant for the abandoned call must not hit the checkpoint writes that follow
                Thread.interrupted();
            }
            started.countDown();
            inFlight.release();
        }
        CallRecord record = new CallRecord(UUID.randomUUID().toString(), purpose, completion.provider(), completion.model(), completion.usage(),
                options.prices().cost(completion.provider(), completion.model(), completion.usage()), options.prices().version());
        calls.add(record);
        synchronized (account) {
            inputTokens += record.usage().inputTokens();
            outputTokens += record.usage().outputTokens();
            cost = cost.add(record.costUsd());
        }
        return completion;
    }

    private void awaitGoing(CountDownLatch latch) {
        try {
            while (!latch.await(100, TimeUnit.MILLISECONDS)) {
                checkGoing();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(Stopped.Reason.CANCELLED);
        }
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

    /** Each subject's facts in force, latest per attribute (when they began is left out: only what holds matters). */
    private static List<String> ledgerItems(Map<String, List<Fact>> facts) {
        return facts.entrySet().stream().map(e -> e.getKey() + ": " + String.join("; ", e.getValue().stream()
                .map(f -> f.attribute() + " = " + f.value()).toList())).toList();
    }

    private static String renderLedger(Map<String, List<Fact>> facts) {
        return String.join("\n", ledgerItems(facts));
    }

    /**
     * Facts that scenes established, among those visible: what the keeper checks a scene against (the
     * cast as planned is the drafter's to follow; a scene is checked against what the story has made true).
     */
    private static Predicate<ScenePosition> establishedByScenes(Predicate<ScenePosition> visible) {
        return p -> !p.equals(ScenePosition.PLAN) && visible.test(p);
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
        return Words.last(text, TAIL_WORDS);
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
