package com.authorworks.content.generation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.GenerationJobId;
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
import com.authorworks.platform.jobs.JobWorker;
import com.authorworks.platform.jobs.Lease;

/**
 * Runs generation jobs from the queue in this process: claims them while the platform is under
 * its limit, renews their leases, stops them when asked, and on shutdown hands the running ones
 * back to the queue so the next process resumes them at their first unfinished step.
 */
@Component
class GenerationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);

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
    private final GenerationMetrics metrics;
    private final JobWorker<GenerationJobId, Run> worker;

    GenerationWorker(GenerationJobs jobs, Books books, GeneratedWork generatedWork, ProgressEvents progress, ProviderKeyVault keys,
            ProviderModels models, JdbcClient db, TransactionTemplate transactions, ApplicationEventPublisher events, ContentProperties properties,
            BookTotals totals, GenerationMetrics metrics) {
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
        this.metrics = metrics;
        // no limit per process: the platform-wide limit of the queue decides how many run
        this.worker = new JobWorker<>(jobs.queue(), new JobWorker.Settings("content-generation", Integer.MAX_VALUE, properties.poll(),
                properties.lease(), Duration.ofSeconds(30)), this::runOf);
    }

    /** A job running in this process, under its lease. */
    private final class Run implements JobWorker.Run {
        final Lease<GenerationJobId> lease;
        final Job job;
        volatile GenerationEngine engine;
        volatile StoppableModel model;
        volatile boolean cancelled;
        volatile boolean shuttingDown;
        volatile boolean lost;

        Run(Lease<GenerationJobId> lease, Job job) {
            this.lease = lease;
            this.job = job;
        }

        @Override
        public void run() {
            if (job != null) {
                GenerationWorker.this.run(this);
            }
        }

        @Override
        public void cancelRequested() {
            cancelled = true;
            stop();
        }

        /** The book was deleted, or the lease expired and another worker took the job over: stop and leave it alone. */
        @Override
        public void lost() {
            lost = true;
            stop();
        }

        @Override
        public void stopping() {
            shuttingDown = true;
            stop();
        }

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

    /** The run of a claimed job; one whose row cannot be read was failed already and runs nothing. */
    private Run runOf(Lease<GenerationJobId> lease) {
        return new Run(lease, jobs.readable(lease).orElse(null));
    }

    /** Looks for work now rather than at the next poll (e.g. right after a job is queued). */
    void wake() {
        worker.wake();
    }

    /** Stops a job this process runs; the caller has already recorded the request in the database. */
    void cancelLocal(GenerationJobId job) {
        worker.running(job).ifPresent(Run::cancelRequested);
    }

    /**
     * Throws away a scene's draft and what depends on it (the engine decides what that is), so the
     * next run of the book writes them again.
     */
    java.util.Set<String> regenerate(Book book, String provider, int chapter, int scene) {
        GenerationEngine engine = new GenerationEngine(models.create(provider, book.owner()), new BookCheckpoints(db, transactions, book.id(), book.owner(), metrics),
                null, EngineOptions.defaults());
        return engine.regenerate(com.authorworks.engine.StepKeys.draft(chapter, scene));
    }

    private void run(Run run) {
        Job job = run.job;
        String provider = job.request().providerName();
        try {
            Optional<Book> found = books.find(job.bookId());
            if (found.isEmpty()) {
                jobs.finish(run.lease, Job.JobState.FAILED, "The book was deleted.");
                return;
            }
            Book book = found.get();
            if (job.cancelRequested()) {
                run.cancelled = true;
            }
            books.setStatus(book.id(), BookStatus.GENERATING);
            StoppableModel model = new StoppableModel(models.create(provider, book.owner()));
            run.model = model;
            EngineOptions options = EngineOptions.defaults();
            Optional<com.authorworks.engine.llm.ApiKey> key = keys.keyFor(book.owner(), provider);
            if (key.isPresent()) {
                options = options.withKey(key.get());
            }
            GenerationEngine engine = new GenerationEngine(model, new BookCheckpoints(db, transactions, book.id(), book.owner(), metrics),
                    event -> onEvent(book, job, run, event), options);
            run.engine = engine;
            if (run.cancelled) {
                run.stop();
            }
            generatedWork.sync(book, engine);
            RunResult result = job.request().approvesOutline() ? engine.plan(job.request().spec()) : engine.start(job.request().spec());
            generatedWork.sync(book, engine);
            switch (result.status()) {
                case COMPLETED -> end(book, run, Job.JobState.COMPLETED, BookStatus.COMPLETE, "completed", null);
                case BUDGET_EXHAUSTED -> end(book, run, Job.JobState.BUDGET_EXHAUSTED, BookStatus.PAUSED, "budget-exhausted",
                        "The budget of $" + job.request().budgetUsd() + " is spent; raise it and resume.");
                case CANCELLED -> stopped(book, job, run);
                case PLANNED -> end(book, run, Job.JobState.AWAITING_APPROVAL, BookStatus.PAUSED, "outline-ready", null);
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
        }
    }

    private void stopped(Book book, Job job, Run run) {
        if (run.lost) {
            return;
        }
        if (run.shuttingDown && !run.cancelled) {
            jobs.release(run.lease);
        } else {
            showEveryPaidCall(job, run);
            end(book, run, Job.JobState.CANCELLED, BookStatus.CANCELLED, "cancelled", "Cancelled; resume continues where it stopped.");
        }
    }

    /** Ends the job, sets the book's status and publishes the outcome in one transaction, if this worker still owns the job. */
    private void end(Book book, Run run, Job.JobState state, BookStatus status, String event, String message) {
        Job job = run.job;
        boolean ended = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!jobs.finish(run.lease, state, state == Job.JobState.COMPLETED ? null : message)) {
                return false;
            }
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
                events.publishEvent(new BookGenerationCompleted(book.id(), book.owner(), job.id(), book.title()));
            } else if (state == Job.JobState.FAILED) {
                events.publishEvent(new BookGenerationFailed(book.id(), book.owner(), job.id(), book.title(), message));
            }
            return true;
        }));
        if (ended) {
            metrics.ended(state);
        }
    }

    private void fail(Job job, Run run, String message) {
        log.info("Generation job {} failed: {}", job.id(), message);
        showEveryPaidCall(job, run);
        books.find(job.bookId()).ifPresent(book -> end(book, run, Job.JobState.FAILED, BookStatus.FAILED, "failed", message));
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
            // the user's own server address is refused now (ProviderAddresses): their setting, said as it is
            case com.authorworks.platform.Problem p -> p.getMessage() + " Change the address under provider settings, then resume.";
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
        worker.start();
    }

    /** Hands running jobs back to the queue: they resume, in this or another process, where they stopped. */
    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
