package com.authorworks.content.generation;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;
import com.authorworks.content.internal.ArtifactKind;
import com.authorworks.content.internal.Artifacts;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.BookFormat;
import com.authorworks.content.internal.BookStatus;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.PartStatus;
import com.authorworks.content.internal.Scene;
import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.content.internal.ProviderModels;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

import tools.jackson.databind.json.JsonMapper;

/** Starting, following, stopping and resuming the generation of a book. */
@RestController
@RequestMapping("/api/v1/books")
class GenerationController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Books books;
    private final Artifacts artifacts;
    private final GenerationJobs jobs;
    private final GenerationWorker worker;
    private final ProgressEvents progress;
    private final ProviderKeyVault keys;
    private final ProviderModels models;
    private final TransactionTemplate transactions;

    GenerationController(Books books, Artifacts artifacts, GenerationJobs jobs, GenerationWorker worker, ProgressEvents progress,
            ProviderKeyVault keys, ProviderModels models, TransactionTemplate transactions) {
        this.books = books;
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.worker = worker;
        this.progress = progress;
        this.keys = keys;
        this.models = models;
        this.transactions = transactions;
    }

    /** The state of a book's latest job, as the status endpoint and the job's creation return it. */
    record JobStatus(String jobId, String bookId, String state, String provider, String model, String step, int scenesDone,
                     int scenesTotal, long words, long inputTokens, long outputTokens, BigDecimal costUsd, Long etaSeconds,
                     String error, java.time.Instant createdAt, java.time.Instant startedAt, java.time.Instant completedAt) {

        static JobStatus of(Job job) {
            Job.Progress p = job.progress();
            return new JobStatus(job.id().toString(), job.bookId().toString(), job.state().name(), job.request().providerName(),
                    job.request().shownModel(), p.step(), p.scenesDone(), p.scenesTotal(), p.words(), p.inputTokens(), p.outputTokens(),
                    p.costUsd(), job.state().active() ? p.etaSeconds() : null, job.error(), job.createdAt(), job.startedAt(),
                    job.completedAt());
        }
    }

    record Resume(@DecimalMin("0") BigDecimal budgetUsd) {
    }

    /** Creates the book and queues its generation; 202 with the job, which runs in the background. */
    @PostMapping("/generate")
    ResponseEntity<JobStatus> generate(@Valid @RequestBody GenerationRequest request) {
        CurrentUser user = CurrentUser.require();
        String provider = request.providerName();
        models.requireKnown(provider);
        GenerationRequest resolved = request.resolved();
        var spec = resolved.spec();
        if (ProviderKeyVault.needsKey(provider) && keys.keyFor(user.id(), provider).isEmpty()) {
            throw Problem.badRequest("provider-key-missing", "No " + provider + " API key: store yours under "
                    + "/api/v1/provider-keys/" + provider + " or use the sample writer.");
        }
        Job job = transactions.execute(tx -> {
            Book book = books.create(user.id(), spec.title(), "", BookFormat.valueOf(spec.format().name()), BookStatus.QUEUED,
                    JSON.writeValueAsString(java.util.Map.of("provider", provider, "model", spec.model(), "targetWords", spec.targetWords(),
                            "chapters", spec.chapters(), "generated", true)));
            artifacts.save(book.id(), ArtifactKind.BRAINDUMP, JSON.writeValueAsString(request.braindump()), null, user.id(), "edit");
            return jobs.enqueue(book.id(), user.id(), resolved);
        });
        worker.wake();
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/books/" + job.bookId() + "/status")
                .body(JobStatus.of(job));
    }

    @GetMapping("/{id}/status")
    JobStatus status(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        return JobStatus.of(latest(book));
    }

    /** Stops the book's running or queued generation; what is finished is kept. */
    @PostMapping("/{id}/generation/cancel")
    ResponseEntity<JobStatus> cancel(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        Job job = latest(book);
        if (!job.state().active()) {
            throw Problem.conflict("generation-not-running", "The generation is " + job.state().name().toLowerCase() + ", not running.");
        }
        Job asked = jobs.requestCancel(job);
        if (asked.state() == Job.JobState.CANCELLED) {
            books.setStatus(book.id(), BookStatus.CANCELLED);
            progress.append(book.id(), job.id(), "cancelled", java.util.Map.of("jobId", job.id().toString(), "state", "CANCELLED"));
        }
        worker.cancelLocal(job.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobStatus.of(asked));
    }

    /**
     * Queues the book again; it continues at its first unfinished step, never repaying finished ones
     * (after a plan edit, the steps that edit invalidated are the unfinished ones).
     */
    @PostMapping("/{id}/generation/resume")
    ResponseEntity<JobStatus> resume(@PathVariable("id") BookId id, @Valid @RequestBody(required = false) Resume body) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        Job last = latest(book);
        if (last.state().active()) {
            throw Problem.conflict("generation-in-progress", "This book is already being generated.");
        }
        GenerationRequest request = body != null && body.budgetUsd() != null ? last.request().drafting().withBudget(body.budgetUsd())
                : last.request().drafting();
        Job job = jobs.enqueue(book.id(), book.owner(), request);
        books.setStatus(book.id(), BookStatus.QUEUED);
        worker.wake();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobStatus.of(job));
    }

    /**
     * Generates one scene of a generated book again, with what depends on it; the author's edits to
     * other scenes are kept. 202 with the job that does it.
     */
    @PostMapping("/{id}/chapters/{chapterId}/scenes/{sceneId}/generate")
    ResponseEntity<JobStatus> generateScene(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @PathVariable SceneId sceneId) {
        Book book = books.require(id, CurrentUser.require());
        Job last = latest(book);
        if (last.state().active()) {
            throw Problem.conflict("generation-in-progress", "This book is being generated; wait for it to finish or cancel it.");
        }
        Chapter chapter = books.chapter(book, chapterId);
        Scene scene = books.scene(chapter, sceneId);
        int planned = artifacts.find(book.id(), ArtifactKind.OUTLINE)
                .map(outline -> JSON.readTree(outline.document()).path("chapters").path(chapter.number() - 1).path("scenes").size())
                .orElse(0);
        if (scene.number() > planned) {
            throw Problem.conflict("scene-not-in-outline", "This scene was added by hand; only scenes of the outline can be generated.");
        }
        Job job = transactions.execute(tx -> {
            Job queued = jobs.enqueue(book.id(), book.owner(), last.request().drafting());
            worker.regenerate(book, last.request().providerName(), chapter.number(), scene.number());
            books.updateScene(book, chapter, scene, null, PartStatus.PLANNED);
            books.setStatus(book.id(), BookStatus.QUEUED);
            return queued;
        });
        worker.wake();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobStatus.of(job));
    }

    /** Progress as server-sent events; reconnect with {@code Last-Event-ID} to continue where the stream broke. */
    @GetMapping(path = "/{id}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable("id") BookId id, @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        Book book = books.require(id, CurrentUser.require());
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw Problem.badRequest("invalid-last-event-id", "Last-Event-ID must be an event id from this stream.");
            }
        }
        return progress.subscribe(book.id(), after);
    }

    private Job latest(Book book) {
        return jobs.latest(book.id()).orElseThrow(() -> Problem.notFound("generation-not-found", "This book was never generated."));
    }
}
