package com.authorworks.platform.jobs;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.UserId;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * A durable job queue in a service's own PostgreSQL table, shared by every process that runs the
 * service. Workers claim the oldest due job with {@code FOR UPDATE SKIP LOCKED} under a lease they
 * renew (the heartbeat); a running job whose lease expired belongs to a dead or stalled worker and
 * is claimed again, so a restart or a crash resumes it. Every change after the claim names the
 * claim's owner token ({@link Lease}), so a worker that lost its lease changes nothing.
 * <p>
 * The table holds the service's own columns plus these, which the queue owns:
 * <pre>
 * id uuid PRIMARY KEY, user_id uuid NOT NULL, &lt;status column&gt; text NOT NULL,
 * lease_owner text, lease_expires_at timestamptz, attempts integer NOT NULL DEFAULT 0,
 * next_attempt_at timestamptz NOT NULL DEFAULT now(), cancel_requested boolean NOT NULL DEFAULT false,
 * created_at timestamptz NOT NULL DEFAULT now(), started_at timestamptz, completed_at timestamptz
 * </pre>
 * Statuses: the service inserts rows as {@code QUEUED}; a claim makes them {@code RUNNING};
 * {@link #retry} makes them {@link Definition#retryStatus} until {@code next_attempt_at};
 * {@link #finish} gives them any final status the service names (e.g. {@code DONE}, {@code FAILED}).
 * Limits: {@link Definition#platformLimit} running jobs across all processes (claims are serialised
 * by an advisory lock when it is set), and a per-user limit of unfinished jobs on {@link #enqueue}.
 * The per-process limit is the {@link JobWorker}'s.
 * <p>
 * Its gauges ({@link #bindTo}): {@code authorworks_jobs{queue="<table>",state="waiting"|"running"}}, the
 * jobs waiting (queued, or waiting to be retried) and running in every process, counted at each scrape.
 */
public final class LeasedQueue<I extends JobId> implements MeterBinder {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";

    /**
     * Where the queue lives and how it behaves.
     *
     * @param table         the table, schema-qualified (e.g. {@code content.exports})
     * @param statusColumn  the column holding the status ({@code status} in new tables)
     * @param ids           makes the typed id from the row's UUID
     * @param retryStatus   the status of a job waiting to be retried ({@code QUEUED} if there is no such state)
     * @param platformLimit at most this many jobs running at once across every process; 0 for no limit
     */
    public record Definition<I extends JobId>(String table, String statusColumn, Function<UUID, I> ids, String retryStatus,
                                              int platformLimit) {

        public Definition {
            identifier(table);
            identifier(statusColumn);
        }

        /** A queue with a {@code status} column, no retry state and no platform limit. */
        public static <I extends JobId> Definition<I> of(String table, Function<UUID, I> ids) {
            return new Definition<>(table, "status", ids, QUEUED, 0);
        }

        public Definition<I> withStatusColumn(String column) {
            return new Definition<>(table, column, ids, retryStatus, platformLimit);
        }

        public Definition<I> withRetryStatus(String status) {
            return new Definition<>(table, statusColumn, ids, status, platformLimit);
        }

        public Definition<I> withPlatformLimit(int limit) {
            return new Definition<>(table, statusColumn, ids, retryStatus, limit);
        }
    }

    /** What a heartbeat found: the jobs still held by the given leases, and those of them asked to stop. */
    public record Heartbeat<I extends JobId>(Set<I> held, Set<I> cancelRequested) {
    }

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Definition<I> definition;
    private final String table;
    private final String status;
    private final long claimLock;

    public LeasedQueue(JdbcClient db, TransactionTemplate transactions, Definition<I> definition) {
        this.db = db;
        this.transactions = transactions;
        this.definition = definition;
        this.table = definition.table();
        this.status = definition.statusColumn();
        this.claimLock = ((long) "authorworks-queue".hashCode() << 32) | (table.hashCode() & 0xffffffffL);
    }

    public Definition<I> definition() {
        return definition;
    }

    /**
     * Queues a job with {@code insert} (which inserts the row as {@code QUEUED}) unless the user
     * already has {@code perUserLimit} unfinished jobs here; one transaction, serialised per user.
     *
     * @throws TooManyJobsException when the user is at the limit; nothing was inserted
     */
    public <T> T enqueue(UserId user, int perUserLimit, Supplier<T> insert) {
        return transactions.execute(tx -> {
            db.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                    .param("key", table + "/" + user).query(Integer.class).single();
            long active = db.sql("SELECT count(*) FROM " + table + " WHERE user_id = :user AND " + status + " IN (:active)")
                    .param("user", user.value()).param("active", active()).query(Long.class).single();
            if (active >= perUserLimit) {
                throw new TooManyJobsException(active, perUserLimit);
            }
            return insert.get();
        });
    }

    /**
     * Claims the oldest due job (queued, waiting to be retried and due, or running under an expired
     * lease) for {@code lease}, if the platform is under its limit.
     */
    public Optional<Lease<I>> claim(Duration lease) {
        String owner = UUID.randomUUID().toString();
        Supplier<Optional<Lease<I>>> claim = () -> db.sql("""
                UPDATE %1$s SET %2$s = 'RUNNING', lease_owner = :owner, lease_expires_at = now() + make_interval(secs => :lease),
                  attempts = attempts + 1, started_at = coalesce(started_at, now())
                WHERE id = (SELECT id FROM %1$s
                            WHERE (%2$s IN (:waiting) AND next_attempt_at <= now())
                               OR (%2$s = 'RUNNING' AND lease_expires_at <= now())
                            ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, attempts""".formatted(table, status))
                .param("owner", owner).param("lease", seconds(lease)).param("waiting", waiting())
                .query((rs, row) -> new Lease<>(definition.ids().apply(rs.getObject("id", UUID.class)), owner, rs.getInt("attempts")))
                .optional();
        if (definition.platformLimit() <= 0) {
            return claim.get();
        }
        return transactions.execute(tx -> {
            db.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:lock)) locked").param("lock", claimLock).query(Integer.class).single();
            long running = db.sql("SELECT count(*) FROM " + table + " WHERE " + status + " = 'RUNNING' AND lease_expires_at > now()")
                    .query(Long.class).single();
            return running >= definition.platformLimit() ? Optional.<Lease<I>>empty() : claim.get();
        });
    }

    /** Renews the given leases for {@code lease} more; a lease not in {@code held} was lost. */
    public Heartbeat<I> heartbeat(Collection<Lease<I>> leases, Duration lease) {
        if (leases.isEmpty()) {
            return new Heartbeat<>(Set.of(), Set.of());
        }
        Set<I> held = new HashSet<>();
        Set<I> cancel = new HashSet<>();
        // owner tokens are unique per claim, so matching id and owner separately still pairs them
        db.sql("""
                UPDATE %1$s SET lease_expires_at = now() + make_interval(secs => :lease)
                WHERE %2$s = 'RUNNING' AND id IN (:ids) AND lease_owner IN (:owners) RETURNING id, cancel_requested"""
                .formatted(table, status))
                .param("lease", seconds(lease))
                .param("ids", leases.stream().map(l -> l.id().value()).toList())
                .param("owners", leases.stream().map(Lease::owner).toList())
                .query((rs, row) -> {
                    I id = definition.ids().apply(rs.getObject("id", UUID.class));
                    held.add(id);
                    if (rs.getBoolean("cancel_requested")) {
                        cancel.add(id);
                    }
                    return id;
                }).list();
        return new Heartbeat<>(Set.copyOf(held), Set.copyOf(cancel));
    }

    /** One lease's heartbeat: false when the job is no longer this lease's. */
    public boolean renew(Lease<I> lease, Duration duration) {
        return heartbeat(List.of(lease), duration).held().contains(lease.id());
    }

    /**
     * Ends the job with a final status and the service's own columns (column name to value); false,
     * and nothing changed, when the lease was lost.
     */
    public boolean finish(Lease<I> lease, String finalStatus, Map<String, ?> columns) {
        return update(lease, finalStatus, "completed_at = now()", columns, Map.of());
    }

    /** Puts the job back to wait {@code delay} in the retry status (with the service's columns); false when the lease was lost. */
    public boolean retry(Lease<I> lease, Duration delay, Map<String, ?> columns) {
        return update(lease, definition.retryStatus(), "next_attempt_at = now() + make_interval(secs => :delay)", columns,
                Map.of("delay", seconds(delay)));
    }

    /** Hands the job back to the queue at once (its worker is stopping), if the lease still holds it. */
    public boolean release(Lease<I> lease) {
        return update(lease, QUEUED, null, Map.of(), Map.of());
    }

    /**
     * Asks a job to stop: one that is not running yet gets {@code cancelledStatus} at once; a running
     * one is flagged, and its worker finds out at its next heartbeat ({@link Heartbeat#cancelRequested}).
     */
    public void requestCancel(I id, String cancelledStatus) {
        transactions.executeWithoutResult(tx -> {
            db.sql("UPDATE " + table + " SET " + status + " = :cancelled, completed_at = now() WHERE id = :id AND " + status + " IN (:waiting)")
                    .param("cancelled", cancelledStatus).param("id", id.value()).param("waiting", waiting()).update();
            db.sql("UPDATE " + table + " SET cancel_requested = true WHERE id = :id AND " + status + " = 'RUNNING'")
                    .param("id", id.value()).update();
        });
    }

    private boolean update(Lease<I> lease, String newStatus, String extra, Map<String, ?> columns, Map<String, ?> params) {
        StringBuilder set = new StringBuilder(status + " = :newStatus, lease_owner = NULL, lease_expires_at = NULL");
        if (extra != null) {
            set.append(", ").append(extra);
        }
        Map<String, Object> values = new LinkedHashMap<>(params);
        int n = 0;
        for (Map.Entry<String, ?> column : columns.entrySet()) {
            String name = identifier(column.getKey());
            String param = "c" + n++;
            set.append(", ").append(name).append(" = :").append(param);
            values.put(param, column.getValue());
        }
        JdbcClient.StatementSpec statement = db.sql("UPDATE " + table + " SET " + set
                        + " WHERE id = :id AND " + status + " = 'RUNNING' AND lease_owner = :owner")
                .param("newStatus", newStatus).param("id", lease.id().value()).param("owner", lease.owner());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            statement = statement.param(value.getKey(), value.getValue());
        }
        return statement.update() == 1;
    }

    private List<String> waiting() {
        return List.of(QUEUED, definition.retryStatus());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("authorworks.jobs", () -> count(List.of(QUEUED, definition.retryStatus()))).tag("queue", table)
                .tag("state", "waiting").description("Jobs waiting to run, in every process").register(registry);
        Gauge.builder("authorworks.jobs", () -> count(List.of(RUNNING))).tag("queue", table)
                .tag("state", "running").description("Jobs running, in every process").register(registry);
    }

    /** How many jobs are in these states; not a number while the database cannot say. */
    private double count(List<String> statuses) {
        try {
            return db.sql("SELECT count(*) FROM " + table + " WHERE " + status + " IN (:statuses)")
                    .param("statuses", statuses).query(Long.class).single();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    private List<String> active() {
        return List.of(QUEUED, RUNNING, definition.retryStatus());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
        return name;
    }
}
