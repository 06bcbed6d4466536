package com.authorworks.content.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.authorworks.content.ContentIntegrationTest;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.BookFormat;
import com.authorworks.content.internal.BookStatus;
import com.authorworks.content.internal.Books;
import com.authorworks.platform.UserId;
import com.authorworks.publishing.Format;
import com.authorworks.storage.FileId;

/**
 * Two workers and one export: the first stalls past its lease, a second claims the export and finishes it, and
 * the first one's late finish changes nothing. The process's own worker is stopped meanwhile, so the two here
 * are the only ones.
 */
class ExportLeaseIntegrationTests extends ContentIntegrationTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    @Autowired
    Exports exports;
    @Autowired
    Books books;
    @Autowired
    ExportWorker worker;

    private final List<Exports.Claim> others = new ArrayList<>();

    @BeforeEach
    void onlyTheseWorkers() {
        worker.stop();
    }

    @AfterEach
    void processWorkerAgain() {
        others.forEach(exports::requeue);
        worker.start();
    }

    @Test
    void aWorkerThatLostItsLeaseCannotOverwriteTheExportAnotherWorkerFinished() throws Exception {
        Export export = newExport();
        Exports.Claim first = claim(export.id(), SHORT).orElseThrow();

        Thread.sleep(SHORT.toMillis() * 2); // the first worker stalls past its lease, no heartbeat
        Exports.Claim second = claim(export.id(), Duration.ofMinutes(1)).orElseThrow();
        assertThat(second.export().attempts()).isEqualTo(2);

        // the first worker wakes up: its heartbeat and every way of finishing are refused
        assertThat(exports.renew(first, SHORT)).isFalse();
        assertThat(exports.done(first, new FileId(UUID.randomUUID()), Instant.now())).isFalse();
        assertThat(exports.failed(first, "late")).isFalse();
        assertThat(exports.waitForStorage(first, Duration.ofSeconds(1), "late")).isFalse();
        exports.requeue(first);
        assertThat(exports.find(export.id()).orElseThrow().state()).isEqualTo(Export.State.RUNNING);

        FileId file = new FileId(UUID.randomUUID());
        assertThat(exports.done(second, file, Instant.now())).isTrue();
        // ...and after the second worker finished, the first one's finish still changes nothing
        assertThat(exports.done(first, new FileId(UUID.randomUUID()), Instant.now())).isFalse();
        Export finished = exports.find(export.id()).orElseThrow();
        assertThat(finished.state()).isEqualTo(Export.State.DONE);
        assertThat(finished.fileId()).isEqualTo(file);
        assertThat(finished.error()).isNull();
    }

    @Test
    void aHeartbeatKeepsAnExportThatRunsPastItsLeaseFromBeingClaimedTwice() throws Exception {
        Export export = newExport();
        Exports.Claim first = claim(export.id(), SHORT).orElseThrow();
        for (int beat = 0; beat < 6; beat++) {
            Thread.sleep(SHORT.toMillis() / 3);
            assertThat(exports.renew(first, SHORT)).isTrue();
            assertThat(claim(export.id(), SHORT)).as("claimed while its owner is alive").isEmpty();
        }
        // well past the first lease, still the first worker's
        assertThat(exports.done(first, new FileId(UUID.randomUUID()), Instant.now())).isTrue();
        assertThat(exports.find(export.id()).orElseThrow().attempts()).isEqualTo(1);
    }

    private Export newExport() {
        UserId owner = new UserId(UUID.randomUUID());
        Book book = books.create(owner, "Leases", "", BookFormat.NOVEL, BookStatus.DRAFT, "{}");
        return exports.create(book.id(), owner, Format.MARKDOWN, null, null);
    }

    /** Claims due exports until this one is among them (other tests' leftovers are handed back afterwards). */
    private Optional<Exports.Claim> claim(ExportId id, Duration lease) {
        for (Optional<Exports.Claim> claim = exports.claim(lease); claim.isPresent(); claim = exports.claim(lease)) {
            if (claim.get().export().id().equals(id)) {
                return claim;
            }
            others.add(claim.get());
        }
        return Optional.empty();
    }
}
