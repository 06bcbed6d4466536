package com.authorworks.content.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.BookFiles;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.ContentProperties;
import com.authorworks.platform.Problem;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Publishing;
import com.authorworks.publishing.TrimSize;
import com.authorworks.publishing.UnsupportedExportException;
import com.authorworks.storage.Buckets;
import com.authorworks.storage.Files;
import com.authorworks.storage.StorageUnavailableException;
import com.authorworks.storage.StoredFile;

/**
 * Makes queued exports in the background and stores them in the storage service. Exports are rows of
 * {@code exports}, so they survive a restart: queued ones are picked up by whichever process looks first,
 * a graceful shutdown hands running ones back to the queue, and a running one whose lease expired (its
 * process died or stalled) is claimed again. A live worker renews its leases (a third of the lease, the
 * content service's {@code authorworks.content.lease}); a worker that lost one finds out when it finishes,
 * which then changes nothing. When storage is down the export waits and is retried with backoff.
 */
@Component
class ExportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Exports lay out whole books (PDF especially); two at a time keeps the CPU for everything else. */
    private static final int CONCURRENT = 2;

    private final Exports exports;
    private final Books books;
    private final BookManuscripts manuscripts;
    private final ObjectProvider<Files> files;
    private final BookFiles bookFiles;
    private final Duration poll;
    private final Semaphore slots = new Semaphore(CONCURRENT);
    private final Duration lease;
    private final Set<Exports.Claim> running = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService runners;

    ExportWorker(Exports exports, Books books, BookFiles bookFiles, BookManuscripts manuscripts, ObjectProvider<Files> files,
            ContentProperties properties) {
        this.exports = exports;
        this.books = books;
        this.bookFiles = bookFiles;
        this.manuscripts = manuscripts;
        this.files = files;
        this.poll = properties.poll();
        this.lease = properties.lease();
    }

    /** Looks for work now rather than at the next poll (a new export was queued). */
    void wake() {
        ScheduledExecutorService current = scheduler;
        if (current != null && !current.isShutdown()) {
            current.execute(this::claimWork);
        }
    }

    private void claimWork() {
        try {
            while (slots.tryAcquire()) {
                Optional<Exports.Claim> claimed = exports.claim(lease);
                if (claimed.isEmpty()) {
                    slots.release();
                    return;
                }
                Exports.Claim claim = claimed.get();
                running.add(claim);
                runners.execute(() -> {
                    try {
                        run(claim);
                    } finally {
                        running.remove(claim);
                        slots.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next poll tries again
            log.warn("Could not claim exports: {}", e.toString());
        }
    }

    /** Renews the lease of every export this process is working on; one that was lost is no longer renewed. */
    private void heartbeat() {
        for (Exports.Claim claim : running) {
            try {
                if (!exports.renew(claim, lease)) {
                    log.warn("Export {} was claimed by another worker after its lease ran out", claim.export().id());
                    running.remove(claim);
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease of export {}: {}", claim.export().id(), e.toString());
            }
        }
    }

    private void run(Exports.Claim claim) {
        Export export = claim.export();
        Optional<Book> found = books.find(export.bookId());
        if (found.isEmpty()) {
            return; // the book was deleted, and its exports with it
        }
        Book book = found.get();
        try {
            Manuscript manuscript = manuscripts.of(book, export.author());
            ExportOptions options = new ExportOptions(export.trimSize() == null ? null : TrimSize.named(export.trimSize()),
                    "urn:uuid:" + book.id(), book.updatedAt());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Publishing.writer(export.format()).write(manuscript, options, bytes);
            StoredFile file = files.getObject().store(export.owner(), Buckets.EXPORTS, fileName(book, export),
                    new ByteArrayInputStream(bytes.toByteArray()));
            if (!exports.done(claim, file.id(), book.updatedAt())) {
                // another worker took the export over after this one's lease ran out: its result stands, not ours
                log.warn("Export {} finished after another worker claimed it; its file is discarded", export.id());
                bookFiles.release(java.util.List.of(file.id()), export.owner());
                return;
            }
            bookFiles.release(exports.supersede(export.id()), export.owner());
        } catch (StorageUnavailableException e) {
            Duration retryIn = backoff(export.attempts());
            log.warn("Storage unavailable for export {}; retrying in {}", export.id(), retryIn);
            exports.waitForStorage(claim, retryIn, "The file store is unavailable; the export is retried automatically.");
        } catch (UnsupportedExportException | Problem e) {
            // a format the book cannot have, or a file storage refuses (type, size, quota): final, and the author's to see
            exports.failed(claim, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("Export {} of book {} failed", export.id(), book.id(), e);
            exports.failed(claim, "The export failed unexpectedly; try again, and report it if it keeps failing.");
        }
    }

    /** 1 s after the first failure, doubling, at most 5 minutes. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 16);
        Duration delay = Duration.ofSeconds(seconds);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static String fileName(Book book, Export export) {
        String base = book.title().replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        return (base.isEmpty() ? "book" : base) + "." + export.format().extension();
    }

    /** Exports are stored by the storage service, here or over HTTP (AUTHORWORKS_STORAGE_URL); without it there is nothing to do. */
    @Override
    public void start() {
        if (files.getIfAvailable() == null) {
            log.info("The storage service is neither in this process nor configured (AUTHORWORKS_STORAGE_URL): exports are not made here");
            return;
        }
        runners = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("content-export-", 0).factory());
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("content-exports").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::claimWork, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        long beat = Math.max(lease.toMillis() / 3, 10);
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Lets running exports finish for a moment, then hands the rest back to the queue for the next process. */
    @Override
    public void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        runners.shutdown();
        try {
            runners.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Exports.Claim claim : running) {
            exports.requeue(claim);
        }
        runners.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
