package com.authorworks.platform.web;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The answer while PostgreSQL cannot be reached: {@code 503 database-unavailable} with {@code Retry-After},
 * not a 500. The pool (Hikari) keeps trying to reconnect by itself, and each request waits at most its
 * connection timeout (10 s) before getting this; the first such failure is logged as a warning, then at
 * most one a minute.
 */
final class DatabaseUnavailable {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} is the database being out of reach (no connection, or one lost). */
    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> answer(Throwable failure) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            log.warn("The database cannot be reached; answering 503 database-unavailable until it is back: {}", rootOf(failure));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "The database cannot be reached just now. Nothing was changed; try again in a few seconds."));
    }

    private static String rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
