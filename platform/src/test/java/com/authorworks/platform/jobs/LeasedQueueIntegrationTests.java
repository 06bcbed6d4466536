package com.authorworks.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.TestPlatformApplication;
import com.authorworks.platform.UserId;

/**
 * The queue on a table of its own, as a service (or media's jobs) would use it: leases with an
 * owner, heartbeats, the per-user and platform limits, retries that wait, cancel, and the worker
 * that runs the jobs and hands them back on stop.
 */
@SpringBootTest(classes = TestPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeasedQueueIntegrationTests {

    record TaskId(UUID value) implements JobId {
    }

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", () -> data.toString());
    }

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void emptyTable() {
        db.sql("CREATE SCHEMA IF NOT EXISTS queue_tests").update();
        db.sql("""
                CREATE TABLE IF NOT EXISTS queue_tests.tasks (
                    id uuid PRIMARY KEY, user_id uuid NOT NULL, status text NOT NULL, note text,
                    lease_owner text, lease_expires_at timestamptz, attempts integer NOT NULL DEFAULT 0,
                    next_attempt_at timestamptz NOT NULL DEFAULT now(), cancel_requested boolean NOT NULL DEFAULT false,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp(), started_at timestamptz, completed_at timestamptz)""").update();
        db.sql("TRUNCATE queue_tests.tasks").update();
    }

    private LeasedQueue<TaskId> queue(LeasedQueue.Definition<TaskId> definition) {
        return new LeasedQueue<>(db, transactions, definition);
    }

    private LeasedQueue<TaskId> queue() {
        return queue(LeasedQueue.Definition.of("queue_tests.tasks", TaskId::new).withRetryStatus("WAITING"));
    }

    private TaskId insert(UserId user) {
        TaskId id = new TaskId(UUID.randomUUID());
        db.sql("INSERT INTO queue_tests.tasks (id, user_id, status) VALUES (:id, :user, 'QUEUED')")
                .param("id", id.value()).param("user", user.value()).update();
        return id;
    }

    private Map<String, Object> row(TaskId id) {
        return db.sql("SELECT * FROM queue_tests.tasks WHERE id = :id").param("id", id.value()).query().singleRow();
    }

    @Test
    void aLeaseKeepsOthersOffUntilItExpiresAndThenItsOwnerChangesNothing() throws Exception {
        LeasedQueue<TaskId> queue = queue();
        TaskId task = insert(UserId.random());

        Lease<TaskId> first = queue.claim(SHORT).orElseThrow();
        assertThat(first.id()).isEqualTo(task);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(queue.claim(SHORT)).as("held by its first worker").isEmpty();

        Thread.sleep(SHORT.toMillis() * 2); // the first worker stalls, no heartbeat
        Lease<TaskId> second = queue.claim(LONG).orElseThrow();
        assertThat(second.id()).isEqualTo(task);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.owner()).isNotEqualTo(first.owner());

        assertThat(queue.renew(first, SHORT)).isFalse();
        assertThat(queue.finish(first, "DONE", Map.of("note", "late"))).isFalse();
        assertThat(queue.retry(first, Duration.ZERO, Map.of())).isFalse();
        assertThat(queue.release(first)).isFalse();
        assertThat(row(task).get("status")).isEqualTo("RUNNING");

        assertThat(queue.finish(second, "DONE", Map.of("note", "made"))).isTrue();
        assertThat(row(task)).containsEntry("status", "DONE").containsEntry("note", "made").containsEntry("lease_owner", null);
        assertThat(row(task).get("completed_at")).isNotNull();
        assertThat(queue.claim(LONG)).as("a finished job is never claimed again").isEmpty();
    }

    @Test
    void aHeartbeatKeepsAJobRunningPastItsFirstLease() throws Exception {
        LeasedQueue<TaskId> queue = queue();
        insert(UserId.random());
        Lease<TaskId> lease = queue.claim(SHORT).orElseThrow();
        for (int beat = 0; beat < 6; beat++) {
            Thread.sleep(SHORT.toMillis() / 3);
            assertThat(queue.heartbeat(List.of(lease), SHORT).held()).containsExactly(lease.id());
            assertThat(queue.claim(SHORT)).isEmpty();
        }
        assertThat(queue.finish(lease, "DONE", Map.of())).isTrue();
    }

    @Test
    void aUserAtTheLimitCannotQueueAnotherUntilOneIsFinished() {
        LeasedQueue<TaskId> queue = queue();
        UserId user = UserId.random();
        queue.enqueue(user, 2, () -> insert(user));
        queue.enqueue(user, 2, () -> insert(user));

        assertThatThrownBy(() -> queue.enqueue(user, 2, () -> insert(user)))
                .isInstanceOfSatisfying(TooManyJobsException.class, e -> {
                    assertThat(e.active()).isEqualTo(2);
                    assertThat(e.limit()).isEqualTo(2);
                });
        assertThat(db.sql("SELECT count(*) FROM queue_tests.tasks").query(Long.class).single()).as("nothing inserted").isEqualTo(2);
        queue.enqueue(UserId.random(), 2, () -> insert(UserId.random()));

        Lease<TaskId> lease = queue.claim(LONG).orElseThrow();
        queue.finish(lease, "DONE", Map.of());
        queue.enqueue(user, 2, () -> insert(user));
    }

    @Test
    void thePlatformLimitHoldsForEveryClaimer() {
        LeasedQueue<TaskId> limited = queue(LeasedQueue.Definition.of("queue_tests.tasks", TaskId::new).withPlatformLimit(1));
        insert(UserId.random());
        insert(UserId.random());

        Lease<TaskId> running = limited.claim(LONG).orElseThrow();
        // another process's queue on the same table: same limit, same count
        LeasedQueue<TaskId> elsewhere = queue(LeasedQueue.Definition.of("queue_tests.tasks", TaskId::new).withPlatformLimit(1));
        assertThat(elsewhere.claim(LONG)).isEmpty();

        limited.finish(running, "DONE", Map.of());
        assertThat(elsewhere.claim(LONG)).isPresent();
    }

    @Test
    void aRetriedJobWaitsForItsTimeInTheRetryStatus() {
        LeasedQueue<TaskId> queue = queue();
        TaskId task = insert(UserId.random());
        Lease<TaskId> first = queue.claim(LONG).orElseThrow();

        assertThat(queue.retry(first, Duration.ofHours(1), Map.of("note", "store down"))).isTrue();
        assertThat(row(task)).containsEntry("status", "WAITING").containsEntry("note", "store down").containsEntry("lease_owner", null);
        assertThat(queue.claim(LONG)).as("not due yet").isEmpty();

        db.sql("UPDATE queue_tests.tasks SET next_attempt_at = now() WHERE id = :id").param("id", task.value()).update();
        Lease<TaskId> again = queue.claim(LONG).orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
    }

    @Test
    void cancelStopsAQueuedJobAtOnceAndFlagsARunningOne() {
        LeasedQueue<TaskId> queue = queue();
        TaskId running = insert(UserId.random());
        Lease<TaskId> lease = queue.claim(LONG).orElseThrow();
        TaskId queued = insert(UserId.random());

        queue.requestCancel(queued, "CANCELLED");
        queue.requestCancel(running, "CANCELLED");

        assertThat(row(queued).get("status")).isEqualTo("CANCELLED");
        assertThat(row(running).get("status")).isEqualTo("RUNNING");
        assertThat(queue.heartbeat(List.of(lease), LONG).cancelRequested()).containsExactly(running);
        assertThat(queue.finish(lease, "CANCELLED", Map.of())).isTrue();
    }

    @Test
    void theWorkerRunsJobsWithinItsConcurrencyAndHandsBackWhatRunsWhenItStops() throws Exception {
        LeasedQueue<TaskId> queue = queue();
        for (int i = 0; i < 3; i++) {
            insert(UserId.random());
        }
        Set<TaskId> started = ConcurrentHashMap.newKeySet();
        Set<TaskId> stopping = ConcurrentHashMap.newKeySet();
        CountDownLatch never = new CountDownLatch(1);
        JobWorker<TaskId, JobWorker.Run> worker = new JobWorker<>(queue,
                new JobWorker.Settings("queue-test", 2, Duration.ofMillis(50), SHORT, Duration.ofMillis(200)), lease -> new JobWorker.Run() {
                    @Override
                    public void run() {
                        started.add(lease.id());
                        try {
                            never.await(10, TimeUnit.SECONDS); // a long job
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void stopping() {
                        stopping.add(lease.id());
                    }
                });
        worker.start();
        try {
            until(() -> started.size() == 2);
            Thread.sleep(SHORT.toMillis() * 2); // past the first lease: the heartbeat keeps both, the third waits for a slot
            assertThat(started).hasSize(2);
            assertThat(db.sql("SELECT count(*) FROM queue_tests.tasks WHERE status = 'RUNNING'").query(Long.class).single()).isEqualTo(2);
            assertThat(db.sql("SELECT max(attempts) FROM queue_tests.tasks").query(Integer.class).single()).isEqualTo(1);
        } finally {
            worker.stop();
        }
        assertThat(stopping).isEqualTo(started);
        assertThat(db.sql("SELECT count(*) FROM queue_tests.tasks WHERE status = 'QUEUED' AND lease_owner IS NULL").query(Long.class).single())
                .as("handed back for the next process").isEqualTo(3);
        never.countDown();
    }

    @Test
    void aRunWhoseLeaseWasTakenOverIsToldItLostIt() {
        LeasedQueue<TaskId> queue = queue();
        TaskId task = insert(UserId.random());
        CountDownLatch lost = new CountDownLatch(1);
        JobWorker<TaskId, JobWorker.Run> worker = new JobWorker<>(queue,
                new JobWorker.Settings("queue-test", 1, Duration.ofMillis(50), SHORT, Duration.ofMillis(200)), lease -> new JobWorker.Run() {
                    @Override
                    public void run() {
                        try {
                            lost.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void lost() {
                        lost.countDown();
                    }
                });
        worker.start();
        try {
            until(() -> "RUNNING".equals(row(task).get("status")));
            // another worker took the job over (as after this one stalled past its lease)
            db.sql("UPDATE queue_tests.tasks SET lease_owner = 'another-worker' WHERE id = :id").param("id", task.value()).update();
            until(() -> lost.getCount() == 0);
        } finally {
            worker.stop();
        }
        assertThat(row(task).get("lease_owner")).as("the stopping worker does not hand back a job it lost").isEqualTo("another-worker");
    }

    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
