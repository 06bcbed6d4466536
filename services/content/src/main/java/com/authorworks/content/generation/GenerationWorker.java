package com.authorworks.content.generation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookGenerationCompleted;
import com.authorworks.content.BookGenerationFailed;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.BookStatus;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.ContentProperties;
import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.content.internal.ProviderModels;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.GenerationEvent;
import com.authorworks.engine.RunResult;
import com.authorworks.engine.StepFailedException;
import com.authorworks.engine.llm.LanguageModelException;

/**
 * Runs generation jobs from the queue in this process: claims them while the platform is under
 * its limit, renews their leases, stops them when asked, and on shutdown hands the running ones
 * back to the queue so the next process resumes them at their first unfinished step.
 */
@Component
class GenerationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);

    private final String id = "worker-" + UUID.randomUUID();
    private final GenerationJobs jobs;
    private final Books books;
    private final GeneratedWork generatedWork;
    private final ProgressEvents progress;
    private final ProviderKeyVault keys;
    private final ProviderModels models;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ContentProperties properties;
    private final BookTotals totals;
    private final Map<UUID, Run> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService runners;
    private volatile boolean stopping;

    GenerationWorker(GenerationJobs jobs, Books books, GeneratedWork generatedWork, ProgressEvents progress, ProviderKeyVault keys,
            ProviderModels models, JdbcClient db, TransactionTemplate transactions, ApplicationEventPublisher events, ContentProperties properties,
            BookTotals totals) {
        this.jobs = jobs;
        this.books = books;
        this.generatedWork = generatedWork;
        this.progress = progress;
        this.keys = keys;
        this.models = models;
        this.db = db;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.totals = totals;
    }

    /** A job running in this process. */
    private static final class Run {
        volatile GenerationEngine engine;
        volatile StoppableModel model;
        volatile boolean cancelled;
        volatile boolean shuttingDown;
        volatile boolean lost;

        /** Stops the engine before its next call and abandons the calls in flight rather than waiting for them. */
        void stop() {
            GenerationEngine e = engine;
            if (e != null) {
                e.cancel();
            }
            StoppableModel m = model;
            if (m != null) {
                m.stop();
            }
        }
    }

    /** Looks for work now rather than at the next poll (e.g. right after a job is queued). */
    void wake() {
        if (!stopping && scheduler != null) {
            scheduler.execute(this::claimWork);
        }
    }

    /** Stops a job this process runs; the caller has already recorded the request in the database. */
    void cancelLocal(UUID job) {
        Run run = running.get(job);
        if (run != null) {
            run.cancelled = true;
            run.stop();
        }
    }

    /**
     * Throws away a scene's draft and what depends on it (the engine decides what that is), so the
     * next run of the book writes them again.
     */
    java.util.Set<String> regenerate(Book book, String provider, int chapter, int scene) {
        GenerationEngine engine = new GenerationEngine(models.create(provider), new BookCheckpoints(db, transactions, book.id(), book.owner()),
                null, EngineOptions.defaults());
        return engine.regenerate(com.authorworks.engine.StepKeys.draft(chapter, scene));
    }

    private synchronized void claimWork() {
        try {
            while (!stopping) {
                Optional<Job> claimed = jobs.claim(id);
                if (claimed.isEmpty()) {
                    return;
                }
                Job job = claimed.get();
                runners.execute(() -> run(job));
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for generation jobs (will retry): {}", e.getMessage());
        }
    }

    /**
     * Renews leases and stops the runs asked to stop. A run whose lease this worker no longer holds
     * (its book was deleted, or the lease expired and another worker took the job over) is stopped
     * at once and left alone, so two runs never write one book.
     */
    private void heartbeat() {
        try {
            Map<UUID, Run> mine = Map.copyOf(running);
            GenerationJobs.Leases leases = jobs.heartbeat(id, mine.keySet());
            leases.cancelRequested().forEach(this::cancelLocal);
            mine.forEach((job, run) -> {
                if (!leases.held().contains(job)) {
                    run.lost = true;
                    run.stop();
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not renew generation leases (will retry): {}", e.getMessage());
        }
    }

    private void run(Job job) {
        Run run = new Run();
        running.put(job.id(), run);
        String provider = job.request().providerName();
        try {
            Optional<Book> found = books.find(job.bookId());
            if (found.isEmpty()) {
                jobs.finish(job.id(), id, Job.JobState.FAILED, "The book was deleted.");
                return;
            }
            Book book = found.get();
            if (job.cancelRequested()) {
                run.cancelled = true;
            }
            books.setStatus(book.id(), BookStatus.GENERATING);
            StoppableModel model = new StoppableModel(models.create(provider));
            run.model = model;
            EngineOptions options = EngineOptions.defaults();
            Optional<com.authorworks.engine.llm.ApiKey> key = keys.keyFor(book.owner(), provider);
            if (key.isPresent()) {
                options = options.withKey(key.get());
            }
            GenerationEngine engine = new GenerationEngine(model, new BookCheckpoints(db, transactions, book.id(), book.owner()),
                    event -> onEvent(book, job, run, event), options);
            run.engine = engine;
            if (run.cancelled) {
                run.stop();
            }
            generatedWork.sync(book, engine);
            RunResult result = job.request().approvesOutline() ? engine.plan(job.request().spec()) : engine.start(job.request().spec());
            generatedWork.sync(book, engine);
            switch (result.status()) {
                case COMPLETED -> end(book, job, Job.JobState.COMPLETED, BookStatus.COMPLETE, "completed", null);
                case BUDGET_EXHAUSTED -> end(book, job, Job.JobState.BUDGET_EXHAUSTED, BookStatus.PAUSED, "budget-exhausted",
                        "The budget of $" + job.request().budgetUsd() + " is spent; raise it and resume.");
                case CANCELLED -> stopped(book, job, run);
                case PLANNED -> end(book, job, Job.JobState.AWAITING_APPROVAL, BookStatus.PAUSED, "outline-ready", null);
            }
        } catch (RuntimeException e) {
            if (run.lost) {
                log.info("Generation job {} is no longer this worker's (book deleted or lease taken over); stopped", job.id());
            } else if (run.shuttingDown || run.cancelled) {
                books.find(job.bookId()).ifPresent(book -> stopped(book, job, run));
            } else if (e instanceof LanguageModelException.InvalidKey) {
                fail(job, run, "The " + provider + " API key was refused (" + e.getMessage()
                        + "). Store a valid key under provider keys, then resume: finished scenes are kept.");
            } else {
                fail(job, run, message(e, provider));
            }
        } finally {
            running.remove(job.id());
        }
    }

    private void stopped(Book book, Job job, Run run) {
        if (run.lost) {
            return;
        }
        if (run.shuttingDown && !run.cancelled) {
            jobs.release(job.id(), id);
        } else {
            showEveryPaidCall(job, run);
            end(book, job, Job.JobState.CANCELLED, BookStatus.CANCELLED, "cancelled", "Cancelled; resume continues where it stopped.");
        }
    }

    private void end(Book book, Job job, Job.JobState state, BookStatus status, String event, String message) {
        if (jobs.finish(job.id(), id, state, state == Job.JobState.COMPLETED ? null : message)) {
            // the last sync and the summaries changed the book's words and usage since the last event
            jobs.find(job.id()).ifPresent(found -> jobs.progress(job.id(), totals.of(book.id(), found.progress())));
            books.setStatus(book.id(), status);
            Map<String, Object> data = new HashMap<>();
            data.put("jobId", job.id().toString());
            data.put("state", state.name());
            data.put("message", message);
            jobs.find(job.id()).ifPresent(j -> data.put("progress", j.progress()));
            progress.append(book.id(), job.id(), event, data);
            if (state == Job.JobState.COMPLETED) {
                events.publishEvent(new BookGenerationCompleted(book.id(), book.owner()));
            }
        }
    }

    private void fail(Job job, Run run, String message) {
        log.info("Generation job {} failed: {}", job.id(), message);
        showEveryPaidCall(job, run);
        books.find(job.bookId()).ifPresent(book -> {
            end(book, job, Job.JobState.FAILED, BookStatus.FAILED, "failed", message);
            events.publishEvent(new BookGenerationFailed(book.id(), book.owner(), message));
        });
    }

    /**
     * Progress is reported when a step finishes; a run that fails or is cancelled in the middle of a
     * step has paid for calls no report counted yet. The job shows what the engine's records hold.
     */
    private void showEveryPaidCall(Job job, Run run) {
        GenerationEngine engine = run.engine;
        if (engine != null) {
            jobs.find(job.id()).ifPresent(found -> jobs.progress(job.id(), totals.of(job.bookId(), found.progress())));
        }
    }

    private static String message(RuntimeException e, String provider) {
        return switch (e) {
            case LanguageModelException.RateLimited r -> "The " + provider + " rate limit held after retries: " + r.getMessage()
                    + " Resume later: finished scenes are kept.";
            case LanguageModelException l -> "The " + provider + " model call failed: " + l.getMessage() + " Finished scenes are kept.";
            case StepFailedException s -> "Step " + s.step() + " failed: " + s.getMessage() + " Finished scenes are kept.";
            case IllegalArgumentException i -> i.getMessage();
            default -> "Generation stopped on an unexpected error; finished scenes are kept and resume continues from there.";
        };
    }

    private void onEvent(Book book, Job job, Run run, GenerationEvent event) {
        GenerationEngine engine = run.engine;
        if (engine != null) {
            String key = switch (event) {
                case GenerationEvent.StepCompleted s -> s.key();
                case GenerationEvent.SceneDrafted s -> com.authorworks.engine.StepKeys.draft(s.chapter(), s.scene());
                default -> null;
            };
            if (key != null) {
                // the book first, so the event's words are the book's words
                engine.step(key).ifPresent(step -> generatedWork.stepFinished(book, engine, step));
            }
        }
        Job.Progress now = totals.of(book.id(), Job.Progress.of(event.progress()));
        jobs.progress(job.id(), now);
        Map<String, Object> data = new HashMap<>();
        data.put("jobId", job.id().toString());
        data.put("progress", now);
        String name = switch (event) {
            case GenerationEvent.RunStarted s -> "run-started";
            case GenerationEvent.StepCompleted s -> {
                data.put("key", s.key());
                data.put("step", s.key());
                yield "step-completed";
            }
            case GenerationEvent.SceneDrafted s -> {
                data.put("chapter", s.chapter());
                data.put("scene", s.scene());
                data.put("words", s.words());
                yield "scene-drafted";
            }
            case GenerationEvent.ChapterCompleted c -> {
                data.put("chapter", c.chapter());
                yield "chapter-completed";
            }
            case GenerationEvent.BudgetExhausted b -> "budget-reached";
            case GenerationEvent.RunCompleted r -> "run-completed";
        };
        progress.append(book.id(), job.id(), name, data);
    }

    @Override
    public void start() {
        stopping = false;
        runners = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("content-generation-", 0).factory());
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("content-jobs").daemon().factory());
        long poll = properties.poll().toMillis();
        long beat = Math.max(100, properties.lease().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::claimWork, 0, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Hands running jobs back to the queue: they resume, in this or another process, where they stopped. */
    @Override
    public void stop() {
        stopping = true;
        scheduler.shutdownNow();
        for (Run run : running.values()) {
            run.shuttingDown = true;
            run.stop();
        }
        runners.shutdown();
        try {
            if (!runners.awaitTermination(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Generation jobs still running at shutdown; their leases will expire and another worker resumes them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !stopping;
    }
}
