package com.authorworks.content.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.GenerationJobId;
import com.authorworks.content.BookId;
import com.authorworks.content.internal.ContentProperties;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.platform.jobs.Lease;
import com.authorworks.platform.jobs.LeasedQueue;
import com.authorworks.platform.jobs.TooManyJobsException;

import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The durable queue of generation jobs in PostgreSQL, on the platform's {@link LeasedQueue}: workers
 * claim jobs under a lease they renew while the platform is under its limit of running generations;
 * a job whose lease expired belongs to a dead worker and is claimed again, so a restart resumes it.
 */
@Component
class GenerationJobs {

    /** Lenient with missing numbers, so a job queued by an older version (or by hand) still reads. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final JdbcClient db;
    private final ContentProperties properties;
    private final LeasedQueue<GenerationJobId> queue;
    private final DiskSpace disk;

    GenerationJobs(JdbcClient db, TransactionTemplate transactions, ContentProperties properties, DiskSpace disk, MeterRegistry meters) {
        this.db = db;
        this.disk = disk;
        this.properties = properties;
        this.queue = new LeasedQueue<>(db, transactions, LeasedQueue.Definition.of("content.generation_jobs", GenerationJobId::new)
                .withPlatformLimit(properties.maxConcurrentGenerations()));
        queue.bindTo(meters);   // its gauges: jobs waiting and running
    }

    LeasedQueue<GenerationJobId> queue() {
        return queue;
    }

    /**
     * Queues a job, refused with 429 when the user already has as many unfinished jobs as allowed, and with
     * 507 when the disk is almost full ({@link DiskSpace}).
     */
    Job enqueue(BookId book, UserId user, GenerationRequest request) {
        disk.requireRoomForAGeneration();
        try {
            return queue.enqueue(user, properties.maxGenerationsPerUser(), () -> {
                GenerationJobId id = new GenerationJobId(UUID.randomUUID());
                db.sql("""
                        INSERT INTO content.generation_jobs (id, book_id, user_id, status, request, progress)
                        VALUES (:id, :book, :user, 'QUEUED', CAST(:request AS jsonb), CAST(:progress AS jsonb))""")
                        .param("id", id.value()).param("book", book.value()).param("user", user.value())
                        .param("request", JSON.writeValueAsString(request)).param("progress", JSON.writeValueAsString(Job.Progress.NONE)).update();
                return find(id).orElseThrow();
            });
        } catch (TooManyJobsException e) {
            throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-generations", "You already have " + e.active()
                    + " generation(s) running; wait for it to finish or cancel it.", java.util.Map.of("limit", e.limit()));
        }
    }

    /** The job behind a lease, or empty after failing it if it cannot be read, so one bad row cannot block the queue. */
    Optional<Job> readable(Lease<GenerationJobId> lease) {
        try {
            return find(lease.id());
        } catch (tools.jackson.core.JacksonException e) {
            finish(lease, Job.JobState.FAILED, "This job's request cannot be read: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    void progress(GenerationJobId job, Job.Progress progress) {
        db.sql("UPDATE content.generation_jobs SET progress = CAST(:progress AS jsonb) WHERE id = :id")
                .param("id", job.value()).param("progress", JSON.writeValueAsString(progress)).update();
    }

    /** Ends a job this worker holds; a no-op if it lost the lease meanwhile (another worker owns it now). */
    boolean finish(Lease<GenerationJobId> lease, Job.JobState state, String error) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("error_message", error);
        return queue.finish(lease, state.name(), columns);
    }

    /** Hands a job back to the queue (this worker is shutting down); the next worker resumes it at once. */
    void release(Lease<GenerationJobId> lease) {
        queue.release(lease);
    }

    /** Asks for a job to stop: a queued one stops at once, a running one at its worker's next heartbeat. */
    Job requestCancel(Job job) {
        queue.requestCancel(job.id(), Job.JobState.CANCELLED.name());
        return find(job.id()).orElseThrow();
    }

    Optional<Job> find(GenerationJobId id) {
        return db.sql("SELECT * FROM content.generation_jobs WHERE id = :id").param("id", id.value()).query(GenerationJobs::job).optional();
    }

    Optional<Job> latest(BookId book) {
        return db.sql("SELECT * FROM content.generation_jobs WHERE book_id = :book ORDER BY created_at DESC LIMIT 1")
                .param("book", book.value()).query(GenerationJobs::job).optional();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        return new Job(new GenerationJobId(rs.getObject("id", UUID.class)), new BookId(rs.getObject("book_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)), Job.JobState.valueOf(rs.getString("status")),
                JSON.readValue(rs.getString("request"), GenerationRequest.class),
                JSON.readValue(rs.getString("progress"), Job.Progress.class), rs.getString("error_message"),
                rs.getBoolean("cancel_requested"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
