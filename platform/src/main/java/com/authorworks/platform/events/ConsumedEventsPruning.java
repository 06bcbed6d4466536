package com.authorworks.platform.events;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.authorworks.platform.jobs.PeriodicTask;

/**
 * Forgets the ids of events taken in ({@code events.consumed_events}) once Kafka can no longer deliver them
 * again: a record older than the topics' retention is gone from the broker, so its id is kept for the retention
 * and a day more, then deleted, a batch at a time so no one transaction holds many rows. Safe in several
 * processes at once (each deletes what it finds; a row deleted twice is deleted once).
 */
class ConsumedEventsPruning extends PeriodicTask {

    static final int BATCH = 10_000;

    private final JdbcClient db;
    private final Duration keep;

    ConsumedEventsPruning(JdbcClient db, Duration retention, Duration every) {
        super("consumed-events-pruning", every);
        this.db = db;
        this.keep = retention.plusDays(1);
    }

    /** Deletes every id older than the retention and a day; returns how many. */
    int prune() {
        int total = 0;
        int deleted;
        do {
            deleted = db.sql("""
                    DELETE FROM events.consumed_events WHERE ctid IN (
                        SELECT ctid FROM events.consumed_events
                        WHERE consumed_at < now() - make_interval(secs => :keep) LIMIT :batch)""")
                    .param("keep", keep.toSeconds()).param("batch", BATCH).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    protected void runOnce() {
        prune();
    }
}
