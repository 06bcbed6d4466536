package com.authorworks.messaging.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.UserId;
import com.authorworks.platform.jobs.Backoff;
import com.authorworks.platform.jobs.JobWorker;
import com.authorworks.platform.jobs.Lease;
import com.authorworks.platform.jobs.LeasedQueue;

/**
 * The durable outbox of notification mail ({@code messaging.mail_outbox}) on the platform's {@link LeasedQueue}
 * and {@link JobWorker}. A mail is written in its notification's transaction, so a crash loses none: at once
 * ({@code QUEUED}), or {@code HELD} until the user's quiet hours end or their digest falls due, by the
 * {@link MessagingClock} ({@link #releaseDue}, every {@code release-every}). A mail the mail server did not take
 * is retried with backoff, at most {@code mail-attempts} times, then given up ({@code GIVEN_UP}, logged).
 */
@Component
class MailOutbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcClient db;
    private final LeasedQueue<OutboxMailId> queue;
    private final Inbox inbox;
    private final NotificationMail mail;
    private final MailSettings settings;
    private final MessagingClock clock;
    private final MessagingProperties.Mail properties;
    private final Backoff backoff;
    private volatile JobWorker<OutboxMailId, JobWorker.Run> worker;

    MailOutbox(JdbcClient db, TransactionTemplate transactions, Inbox inbox, NotificationMail mail, MailSettings settings,
               MessagingClock clock, MessagingProperties properties) {
        this.db = db;
        this.queue = new LeasedQueue<>(db, transactions,
                LeasedQueue.Definition.of("messaging.mail_outbox", OutboxMailId::new).withRetryStatus("RETRY"));
        this.inbox = inbox;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        this.properties = properties.mail();
        this.backoff = new Backoff(this.properties.backoff(), this.properties.maxBackoff());
    }

    /** Queues the notification's own mail, held while the recipient's quiet hours last; in the caller's transaction. */
    void mail(Notification notification) {
        Instant now = clock.instant();
        Instant due = settings.of(notification.recipient()).sendableAt(now);
        db.sql("""
                INSERT INTO messaging.mail_outbox (id, user_id, kind, notification_ids, due_at, status)
                VALUES (:id, :user, 'NOTIFICATION', ARRAY[CAST(:notification AS uuid)], :due, :status)""")
                .param("id", UUID.randomUUID()).param("user", notification.recipient().value())
                .param("notification", notification.id().value()).param("due", Timestamp.from(due))
                .param("status", due.isAfter(now) ? "HELD" : LeasedQueue.QUEUED).update();
    }

    /** Adds the notification to the recipient's open digest (one per user, due at the end of their period). */
    void digest(Notification notification) {
        Instant due = settings.of(notification.recipient()).digestAt(clock.instant());
        db.sql("""
                INSERT INTO messaging.mail_outbox (id, user_id, kind, notification_ids, due_at, status)
                VALUES (:id, :user, 'DIGEST', ARRAY[CAST(:notification AS uuid)], :due, 'HELD')
                ON CONFLICT (user_id) WHERE kind = 'DIGEST' AND status = 'HELD'
                DO UPDATE SET notification_ids = array_append(messaging.mail_outbox.notification_ids, CAST(:notification AS uuid))""")
                .param("id", UUID.randomUUID()).param("user", notification.recipient().value())
                .param("notification", notification.id().value()).param("due", Timestamp.from(due)).update();
    }

    /** Hands the held mail whose time came (by the messaging clock) to the worker; how many. */
    int releaseDue() {
        int released = db.sql("""
                UPDATE messaging.mail_outbox SET status = 'QUEUED', next_attempt_at = now()
                WHERE status = 'HELD' AND due_at <= :now""").param("now", Timestamp.from(clock.instant())).update();
        if (released > 0) {
            wake();
        }
        return released;
    }

    /** Looks for mail to send now rather than at the next poll. */
    void wake() {
        JobWorker<OutboxMailId, JobWorker.Run> current = worker;
        if (current != null) {
            current.wake();
        }
    }

    /** One mail's state, for tests and the logs: status, attempts and the last error. */
    record State(String kind, String status, int attempts, String lastError, Instant dueAt, int notifications) {
    }

    List<State> of(UserId user) {
        return db.sql("""
                SELECT kind, status, attempts, last_error, due_at, cardinality(notification_ids) AS n FROM messaging.mail_outbox
                WHERE user_id = :user ORDER BY created_at""").param("user", user.value())
                .query((rs, row) -> new State(rs.getString("kind"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("due_at").toInstant(), rs.getInt("n"))).list();
    }

    private record Row(UserId user, String kind, List<UUID> notifications) {
    }

    private JobWorker.Run runOf(Lease<OutboxMailId> lease) {
        Optional<Row> row = db.sql("SELECT user_id, kind, notification_ids FROM messaging.mail_outbox WHERE id = :id")
                .param("id", lease.id().value())
                .query((rs, n) -> new Row(new UserId(rs.getObject("user_id", UUID.class)), rs.getString("kind"),
                        Arrays.asList((UUID[]) rs.getArray("notification_ids").getArray())))
                .optional();
        return row.<JobWorker.Run>map(r -> () -> send(lease, r)).orElse(() -> { });
    }

    private void send(Lease<OutboxMailId> lease, Row row) {
        List<Notification> notifications = inbox.findAll(row.user(), row.notifications());
        if (notifications.isEmpty()) {
            queue.finish(lease, "SKIPPED", Map.of("last_error", "its notifications were deleted"));
            return;
        }
        try {
            boolean sent = row.kind().equals("DIGEST")
                    ? mail.sendDigest(row.user(), notifications, settings.of(row.user()).digest())
                    : mail.send(notifications.getFirst());
            if (sent) {
                queue.finish(lease, "SENT", Map.of());
            } else {
                queue.finish(lease, "SKIPPED", Map.of("last_error", "no verified address"));
            }
        } catch (RuntimeException e) {
            String error = String.valueOf(e.getMessage());
            error = error.length() > 500 ? error.substring(0, 500) : error;
            if (lease.attempts() >= properties.attempts()) {
                log.warn("Gave up mailing {} {} to {} after {} attempts: {}", row.kind().toLowerCase(), lease.id().value(), row.user(),
                        lease.attempts(), error);
                queue.finish(lease, "GIVEN_UP", Map.of("last_error", error));
            } else {
                Duration delay = backoff.after(lease.attempts());
                log.info("Mail {} not sent (attempt {}), again in {}: {}", lease.id().value(), lease.attempts(), delay, error);
                queue.retry(lease, delay, Map.of("last_error", error));
            }
        }
    }

    @Override
    public synchronized void start() {
        if (worker == null) {
            worker = new JobWorker<>(queue, new JobWorker.Settings("messaging-mail", 4, properties.poll(), Duration.ofMinutes(2),
                    Duration.ofSeconds(5)), this::runOf);
        }
        worker.start();
    }

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
