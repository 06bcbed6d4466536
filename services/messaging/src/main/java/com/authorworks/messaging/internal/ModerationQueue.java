package com.authorworks.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * Messaging's moderation queue (table {@code messaging.message_reports}): reports of messages (filed in
 * {@link Conversations#report}) and of users, which admins resolve (they acted) or dismiss (nothing to do). The
 * reporter is told the outcome by a {@code moderation-outcome} notification, never who was acted on beyond what
 * they reported, nor the admin's note.
 */
@Component
class ModerationQueue {

    static final int MAX_NOTE = 1_000;

    enum Status {
        OPEN, RESOLVED, DISMISSED;

        static Optional<Status> parse(String wire) {
            return java.util.Arrays.stream(values()).filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).equals(wire)).findFirst();
        }
    }

    /** What filing found: the report, and whether it is new. */
    record Filed(Conversations.Report report, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final Notifier notifier;
    private final MessagingClock clock;

    ModerationQueue(JdbcClient jdbc, Conversations conversations, Notifier notifier, MessagingClock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Reports a user (their profile, their behaviour) to the admins; while the reporter's report of them is open, again answers it. */
    @Transactional
    Filed reportUser(UserId me, UserId reported, String reason) {
        if (reported.equals(me)) {
            throw Problem.badRequest("cannot-report-yourself", "You cannot report yourself.");
        }
        String why = Conversations.text("reason", reason, Conversations.MAX_REASON);
        conversations.requireUsers(List.of(reported));
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into messaging.message_reports (id, message_id, reporter_id, reported_user_id, reason, created_at)
                        values (:id, null, :me, :reported, :reason, :now)
                        on conflict (reported_user_id, reporter_id) where message_id is null and resolved_at is null do nothing""")
                .param("id", id).param("me", me.value()).param("reported", reported.value()).param("reason", why)
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        Conversations.Report report = jdbc.sql(Conversations.REPORTS
                        + " where r.message_id is null and r.reporter_id = :me and r.reported_user_id = :reported and r.resolved_at is null")
                .param("me", me.value()).param("reported", reported.value()).query((rs, n) -> Conversations.report(rs)).single();
        return new Filed(report, inserted == 1);
    }

    /** The queue: reports of one status, oldest first. */
    Page<Conversations.Report> queue(Status status, PageRequest page) {
        String where = status == Status.OPEN ? "r.resolved_at is null" : "r.outcome = :outcome";
        List<Conversations.Report> items = jdbc.sql(Conversations.REPORTS + " where " + where
                        + " order by r.created_at, r.id limit :size offset :offset")
                .param("outcome", status.name()).param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> Conversations.report(rs)).list();
        long total = jdbc.sql("select count(*) from messaging.message_reports r where " + where).param("outcome", status.name())
                .query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** Settles an open report ({@code RESOLVED} or {@code DISMISSED}) and tells its reporter; a settled one is 409. */
    @Transactional
    Conversations.Report settle(UserId admin, UUID reportId, Status outcome, String note) {
        String kept = note == null || note.isBlank() ? null : Conversations.text("note", note, MAX_NOTE);
        Instant now = clock.instant();
        Conversations.Report report = jdbc.sql(Conversations.REPORTS + " where r.id = :id").param("id", reportId)
                .query((rs, n) -> Conversations.report(rs)).optional()
                .orElseThrow(() -> Problem.notFound("report-not-found", "There is no such report."));
        int settled = jdbc.sql("""
                        update messaging.message_reports set outcome = :outcome, resolved_at = :now, resolved_by = :admin, note = :note
                        where id = :id and resolved_at is null""")
                .param("outcome", outcome.name()).param("now", java.sql.Timestamp.from(now)).param("admin", admin.value())
                .param("note", kept).param("id", reportId).update();
        if (settled == 0) {
            throw Problem.conflict("report-settled", "This report was already " + report.status() + ".");
        }
        UserId reporter = new UserId(UUID.fromString(report.reporterId()));
        String what = report.kind().equals("user") ? "the user you reported" : "the message you reported";
        String title = outcome == Status.RESOLVED ? "We acted on your report" : "We looked at your report";
        String body = outcome == Status.RESOLVED
                ? "Thank you: an admin reviewed " + what + " and took action."
                : "Thank you: an admin reviewed " + what + " and found nothing against the rules.";
        notifier.notify(new Inbox.Incoming(reporter, NotificationType.MODERATION_OUTCOME, title, body, null,
                Map.of("reportId", reportId.toString(), "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT), "kind", report.kind()),
                "messaging.moderation-outcome:" + reportId));
        return jdbc.sql(Conversations.REPORTS + " where r.id = :id").param("id", reportId).query((rs, n) -> Conversations.report(rs)).single();
    }
}
