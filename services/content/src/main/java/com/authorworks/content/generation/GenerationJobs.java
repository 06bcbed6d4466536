package com.authorworks.content.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.ContentProperties;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

import tools.jackson.databind.json.JsonMapper;

/**
 * The durable queue of generation jobs in PostgreSQL. Workers claim jobs with
 * {@code FOR UPDATE SKIP LOCKED} under a lease they renew; a job whose lease expired belongs to a
 * dead worker and is claimed again, so a restart resumes it.
 */
@Component
class GenerationJobs {

    /** Lenient with missing numbers, so a job queued by an older version (or by hand) still reads. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    /** Serialises claims across processes so the platform-wide limit holds. */
    private static final long CLAIM_LOCK = 0x636f6e74656e74L;

    private final JdbcClient db;
    private final ContentProperties properties;

    GenerationJobs(JdbcClient db, ContentProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    /** Queues a job, refused with 429 when the user already has as many unfinished jobs as allowed. */
    @Transactional
    Job enqueue(BookId book, UserId user, GenerationRequest request) {
        db.sql("SELECT pg_advisory_xact_lock(hashtext(CAST(:user AS text)))").param("user", user.value()).query(Object.class).list();
        long active = db.sql("SELECT count(*) FROM content.generation_jobs WHERE user_id = :user AND status IN ('QUEUED', 'RUNNING')")
                .param("user", user.value()).query(Long.class).single();
        if (active >= properties.maxGenerationsPerUser()) {
            throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-generations", "You already have " + active
                    + " generation(s) running; wait for it to finish or cancel it.", java.util.Map.of("limit", properties.maxGenerationsPerUser()));
        }
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO content.generation_jobs (id, book_id, user_id, status, request, progress)
                VALUES (:id, :book, :user, 'QUEUED', CAST(:request AS jsonb), CAST(:progress AS jsonb))""")
                .param("id", id).param("book", book.value()).param("user", user.value())
                .param("request", JSON.writeValueAsString(request)).param("progress", JSON.writeValueAsString(Job.Progress.NONE)).update();
        return find(id).orElseThrow();
    }

    /** Claims the oldest claimable job for this worker if the platform is under its limit. */
    @Transactional
    Optional<Job> claim(String worker) {
        db.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CLAIM_LOCK).query(Object.class).list();
        long running = db.sql("SELECT count(*) FROM content.generation_jobs WHERE status = 'RUNNING' AND lease_expires_at > now()")
                .query(Long.class).single();
        if (running >= properties.maxConcurrentGenerations()) {
            return Optional.empty();
        }
        return db.sql("""
                UPDATE content.generation_jobs SET status = 'RUNNING', lease_owner = :worker,
                  lease_expires_at = now() + make_interval(secs => :lease), started_at = coalesce(started_at, now()),
                  attempts = attempts + 1
                WHERE id = (SELECT id FROM content.generation_jobs
                            WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_expires_at <= now())
                            ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id""")
                .param("worker", worker).param("lease", (double) properties.lease().toMillis() / 1000)
                .query(UUID.class).optional()
                .flatMap(this::readable);
    }

    /** What a heartbeat found: the jobs still this worker's, and those of them asked to stop. */
    record Leases(java.util.Set<UUID> held, java.util.Set<UUID> cancelRequested) {
    }

    /** Renews this worker's leases on the given jobs. */
    Leases heartbeat(String worker, Collection<UUID> jobs) {
        if (jobs.isEmpty()) {
            return new Leases(java.util.Set.of(), java.util.Set.of());
        }
        java.util.Set<UUID> held = new java.util.HashSet<>();
        java.util.Set<UUID> cancel = new java.util.HashSet<>();
        db.sql("""
                UPDATE content.generation_jobs SET lease_expires_at = now() + make_interval(secs => :lease)
                WHERE lease_owner = :worker AND status = 'RUNNING' AND id IN (:ids) RETURNING id, cancel_requested""")
                .param("worker", worker).param("lease", (double) properties.lease().toMillis() / 1000).param("ids", jobs)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    held.add(id);
                    if (rs.getBoolean("cancel_requested")) {
                        cancel.add(id);
                    }
                    return id;
                }).list();
        return new Leases(held, cancel);
    }

    void progress(UUID job, Job.Progress progress) {
        db.sql("UPDATE content.generation_jobs SET progress = CAST(:progress AS jsonb) WHERE id = :id")
                .param("id", job).param("progress", JSON.writeValueAsString(progress)).update();
    }

    /** Ends a job this worker holds; a no-op if it lost the lease meanwhile (another worker owns it now). */
    boolean finish(UUID job, String worker, Job.JobState state, String error) {
        return db.sql("""
                UPDATE content.generation_jobs SET status = :state, error_message = :error, completed_at = now(),
                  lease_owner = NULL, lease_expires_at = NULL
                WHERE id = :id AND lease_owner = :worker""")
                .param("id", job).param("worker", worker).param("state", state.name()).param("error", error).update() == 1;
    }

    /** Hands a job back to the queue (this worker is shutting down); the next worker resumes it at once. */
    void release(UUID job, String worker) {
        db.sql("""
                UPDATE content.generation_jobs SET status = 'QUEUED', lease_owner = NULL, lease_expires_at = NULL
                WHERE id = :id AND lease_owner = :worker AND status = 'RUNNING'""")
                .param("id", job).param("worker", worker).update();
    }

    /** Asks for a job to stop: a queued one stops at once, a running one at its worker's next heartbeat. */
    @Transactional
    Job requestCancel(Job job) {
        db.sql("UPDATE content.generation_jobs SET status = 'CANCELLED', completed_at = now() WHERE id = :id AND status = 'QUEUED'")
                .param("id", job.id()).update();
        db.sql("UPDATE content.generation_jobs SET cancel_requested = true WHERE id = :id AND status = 'RUNNING'")
                .param("id", job.id()).update();
        return find(job.id()).orElseThrow();
    }

    /** The job, or empty after failing it if it cannot be read, so one bad row cannot block the queue. */
    private Optional<Job> readable(UUID id) {
        try {
            return find(id);
        } catch (tools.jackson.core.JacksonException e) {
            db.sql("UPDATE content.generation_jobs SET status = 'FAILED', error_message = :error, completed_at = now(), lease_owner = NULL "
                    + "WHERE id = :id").param("id", id).param("error", "This job's request cannot be read: " + e.getOriginalMessage()).update();
            return Optional.empty();
        }
    }

    Optional<Job> find(UUID id) {
        return db.sql("SELECT * FROM content.generation_jobs WHERE id = :id").param("id", id).query(GenerationJobs::job).optional();
    }

    Optional<Job> latest(BookId book) {
        return db.sql("SELECT * FROM content.generation_jobs WHERE book_id = :book ORDER BY created_at DESC LIMIT 1")
                .param("book", book.value()).query(GenerationJobs::job).optional();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), new BookId(rs.getObject("book_id", UUID.class)),
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
