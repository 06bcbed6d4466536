package com.authorworks.platform.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link LeasedQueue}'s jobs in this process: polls for due jobs (and at once on
 * {@link #wake}) while it has a free slot, runs each on a virtual thread, renews the leases of the
 * running ones every third of the lease, tells a run when it was asked to stop or lost its lease,
 * and on {@link #stop} asks the runs to stop, waits for them a moment and hands the rest back to
 * the queue, so the next process resumes them at once.
 * <p>
 * The service's code is a {@link Run} per job, made from the lease by the factory given here. A run
 * finishes its job itself ({@link LeasedQueue#finish}, {@link LeasedQueue#retry}); one that returns
 * without doing so leaves the job to be claimed again when its lease runs out.
 */
public final class JobWorker<I extends JobId, R extends JobWorker.Run> {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    /** One job running in this process. */
    public interface Run {

        /** Does the job; called once, on a thread of its own. */
        void run();

        /** The job was asked to stop ({@link LeasedQueue#requestCancel}); called from the heartbeat. */
        default void cancelRequested() {
        }

        /** Another worker owns the job now (its lease ran out), or the row is gone: stop, change nothing. */
        default void lost() {
        }

        /** This process is stopping: stop soon; the job is handed back to the queue if the run does not end it. */
        default void stopping() {
        }
    }

    /**
     * @param name        the threads' name
     * @param concurrency at most this many jobs at once in this process
     * @param poll        how often to look for due jobs
     * @param lease       how long a claim holds without a heartbeat
     * @param grace       how long {@link #stop} waits for running jobs before handing them back
     */
    public record Settings(String name, int concurrency, Duration poll, Duration lease, Duration grace) {
    }

    private record Running<I extends JobId, R>(Lease<I> lease, R run) {
    }

    private final LeasedQueue<I> queue;
    private final Settings settings;
    private final Function<Lease<I>, R> runs;
    private final Semaphore slots;
    private final Map<I, Running<I, R>> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService runners;
    private volatile boolean stopping;

    public JobWorker(LeasedQueue<I> queue, Settings settings, Function<Lease<I>, R> runs) {
        this.queue = queue;
        this.settings = settings;
        this.runs = runs;
        this.slots = new Semaphore(settings.concurrency());
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        stopping = false;
        runners = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(settings.name() + "-", 0).factory());
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(settings.name() + "-queue").daemon().factory());
        long beat = Math.max(settings.lease().toMillis() / 3, 10);
        scheduler.scheduleWithFixedDelay(this::claimWork, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Looks for work now rather than at the next poll (e.g. right after a job was queued). */
    public void wake() {
        ScheduledExecutorService current = scheduler;
        if (!stopping && current != null && !current.isShutdown()) {
            current.execute(this::claimWork);
        }
    }

    /** The run of this job, if it runs in this process. */
    public Optional<R> running(I id) {
        return Optional.ofNullable(running.get(id)).map(Running::run);
    }

    private void claimWork() {
        try {
            while (!stopping && slots.tryAcquire()) {
                Optional<Lease<I>> claimed = queue.claim(settings.lease());
                if (claimed.isEmpty()) {
                    slots.release();
                    return;
                }
                Lease<I> lease = claimed.get();
                try {
                    R run = runs.apply(lease);
                    Running<I, R> entry = new Running<>(lease, run);
                    running.put(lease.id(), entry);
                    runners.execute(() -> {
                        try {
                            run.run();
                        } catch (RuntimeException e) {
                            log.error("Job {} of {} failed unexpectedly; it is claimed again when its lease runs out", lease.id(),
                                    settings.name(), e);
                        } finally {
                            running.remove(lease.id(), entry);
                            slots.release();
                        }
                    });
                } catch (RuntimeException e) {
                    running.remove(lease.id());
                    slots.release();
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next poll tries again
            log.warn("Could not claim {} jobs (will retry): {}", settings.name(), e.toString());
        }
    }

    private void heartbeat() {
        Map<I, Running<I, R>> mine = Map.copyOf(running);
        if (mine.isEmpty()) {
            return;
        }
        try {
            LeasedQueue.Heartbeat<I> beat = queue.heartbeat(mine.values().stream().map(Running::lease).toList(), settings.lease());
            beat.cancelRequested().forEach(id -> mine.get(id).run().cancelRequested());
            mine.forEach((id, run) -> {
                if (!beat.held().contains(id)) {
                    log.warn("Job {} of {} is no longer this worker's (its lease ran out or its row is gone)", id, settings.name());
                    running.remove(id, run);
                    run.run().lost();
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not renew {} leases (will retry): {}", settings.name(), e.toString());
        }
    }

    /** Asks running jobs to stop, waits up to the grace period, and hands those still running back to the queue. */
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        stopping = true;
        scheduler.shutdownNow();
        running.values().forEach(r -> r.run().stopping());
        runners.shutdown();
        try {
            if (!runners.awaitTermination(settings.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} jobs still running at shutdown are handed back to the queue", settings.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Running<I, R> left : running.values()) {
            try {
                queue.release(left.lease());
            } catch (RuntimeException e) {
                log.warn("Could not hand job {} back to the queue; it is claimed again when its lease runs out", left.lease().id());
            }
        }
        running.clear();
        runners.shutdownNow();
        scheduler = null;
    }

    public boolean isRunning() {
        return scheduler != null && !stopping;
    }
}
