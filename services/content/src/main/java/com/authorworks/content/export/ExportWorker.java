package com.authorworks.content.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

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
import com.authorworks.platform.jobs.Backoff;
import com.authorworks.platform.jobs.JobWorker;
import com.authorworks.platform.jobs.Lease;
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
 * Makes queued exports in the background and stores them in the storage service, on the platform's
 * {@link JobWorker} (two at a time per process). Exports are rows of {@code exports}, so they survive a restart: queued ones are picked up by whichever process looks first,
 * a graceful shutdown hands running ones back to the queue, and a running one whose lease expired (its
 * process died or stalled) is claimed again. A live worker renews its leases (a third of the lease, the
 * content service's {@code authorworks.content.lease}); a worker that lost one finds out when it finishes,
 * which then changes nothing. When storage is down the export waits and is retried with backoff.
 */
@Component
class ExportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    /** Exports lay out whole books (PDF especially); two at a time keeps the CPU for everything else. */
    private static final int CONCURRENT = 2;

    private final Exports exports;
    private final Books books;
    private final BookManuscripts manuscripts;
    private final ObjectProvider<Files> files;
    private final BookFiles bookFiles;
    private final JobWorker.Settings settings;
    private volatile JobWorker<ExportId, JobWorker.Run> worker;

    ExportWorker(Exports exports, Books books, BookFiles bookFiles, BookManuscripts manuscripts, ObjectProvider<Files> files,
            ContentProperties properties) {
        this.exports = exports;
        this.books = books;
        this.bookFiles = bookFiles;
        this.manuscripts = manuscripts;
        this.files = files;
        this.settings = new JobWorker.Settings("content-export", CONCURRENT, properties.poll(), properties.lease(), Duration.ofSeconds(20));
    }

    /** Looks for work now rather than at the next poll (a new export was queued). */
    void wake() {
        JobWorker<ExportId, JobWorker.Run> current = worker;
        if (current != null) {
            current.wake();
        }
    }

    /** The export behind a lease; its row is gone when its book was deleted meanwhile, and then there is nothing to do. */
    private JobWorker.Run runOf(Lease<ExportId> lease) {
        Optional<Export> export = exports.find(lease.id());
        if (export.isEmpty()) {
            return () -> { };
        }
        Exports.Claim claim = new Exports.Claim(export.get(), lease);
        return () -> run(claim);
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
            Duration retryIn = backoff(claim.lease().attempts());
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
        return BACKOFF.after(attempts);
    }

    private static String fileName(Book book, Export export) {
        String base = book.title().replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        return (base.isEmpty() ? "book" : base) + "." + export.format().extension();
    }

    /** Exports are stored by the storage service, here or over HTTP (AUTHORWORKS_STORAGE_URL); without it there is nothing to do. */
    @Override
    public synchronized void start() {
        if (files.getIfAvailable() == null) {
            log.info("The storage service is neither in this process nor configured (AUTHORWORKS_STORAGE_URL): exports are not made here");
            return;
        }
        if (worker == null) {
            worker = new JobWorker<>(exports.queue(), settings, this::runOf);
        }
        worker.start();
    }

    /** Lets running exports finish for a moment, then hands the rest back to the queue for the next process. */
    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && worker.isRunning();
    }
}
