package com.authorworks.messaging.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;

/**
 * When a user's mail may go out (table {@code messaging.mail_settings}): their IANA time zone, a quiet window in
 * local time (mail due in it waits for its end; the app is told at once), and whether the digest is daily or
 * weekly. Digests go out at {@link #DIGEST_AT} local time, weekly ones on Mondays, later if that is quiet.
 */
@Component
class MailSettings {

    static final LocalTime DIGEST_AT = LocalTime.of(8, 0);

    enum Digest {
        DAILY, WEEKLY;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Digest> parse(String wire) {
            return java.util.Arrays.stream(values()).filter(d -> d.wire().equals(wire)).findFirst();
        }
    }

    /** A user's settings; {@code quietStart}/{@code quietEnd} both null for no quiet hours (end before start spans midnight). */
    record Settings(ZoneId zone, LocalTime quietStart, LocalTime quietEnd, Digest digest) {

        static final Settings DEFAULT = new Settings(ZoneOffset.UTC, null, null, Digest.DAILY);

        boolean quiet(LocalTime time) {
            if (quietStart == null) {
                return false;
            }
            return quietStart.isBefore(quietEnd) ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                    : !time.isBefore(quietStart) || time.isBefore(quietEnd);
        }

        /** The first moment at or after {@code at} that is outside the quiet hours. */
        Instant sendableAt(Instant at) {
            ZonedDateTime local = at.atZone(zone);
            if (!quiet(local.toLocalTime())) {
                return at;
            }
            LocalDate day = local.toLocalDate();
            if (quietStart.isAfter(quietEnd) && !local.toLocalTime().isBefore(quietStart)) {
                day = day.plusDays(1); // the window spans midnight and we are before it
            }
            return ZonedDateTime.of(day, quietEnd, zone).toInstant();
        }

        /** When the digest of something made at {@code at} goes out: the period's end, out of the quiet hours. */
        Instant digestAt(Instant at) {
            ZonedDateTime local = at.atZone(zone);
            ZonedDateTime next = local.toLocalDate().atTime(DIGEST_AT).atZone(zone);
            if (!next.isAfter(local)) {
                next = next.plusDays(1);
            }
            if (digest == Digest.WEEKLY) {
                next = next.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            }
            return sendableAt(next.toInstant());
        }
    }

    private final JdbcClient db;
    private final MessagingClock clock;

    MailSettings(JdbcClient db, MessagingClock clock) {
        this.db = db;
        this.clock = clock;
    }

    Settings of(UserId user) {
        return db.sql("SELECT time_zone, quiet_start, quiet_end, digest FROM messaging.mail_settings WHERE user_id = :user")
                .param("user", user.value())
                .query((rs, row) -> new Settings(zone(rs.getString("time_zone")),
                        rs.getObject("quiet_start", LocalTime.class), rs.getObject("quiet_end", LocalTime.class),
                        Digest.valueOf(rs.getString("digest"))))
                .optional().orElse(Settings.DEFAULT);
    }

    void set(UserId user, Settings settings) {
        db.sql("""
                INSERT INTO messaging.mail_settings (user_id, time_zone, quiet_start, quiet_end, digest, updated_at)
                VALUES (:user, :zone, :start, :end, :digest, :now)
                ON CONFLICT (user_id) DO UPDATE SET time_zone = excluded.time_zone, quiet_start = excluded.quiet_start,
                  quiet_end = excluded.quiet_end, digest = excluded.digest, updated_at = excluded.updated_at""")
                .param("user", user.value()).param("zone", settings.zone().getId())
                .param("start", settings.quietStart(), java.sql.Types.TIME).param("end", settings.quietEnd(), java.sql.Types.TIME)
                .param("digest", settings.digest().name()).param("now", java.sql.Timestamp.from(clock.instant())).update();
    }

    /** A zone kept before may have left the JDK's database: then UTC. */
    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException gone) {
            return ZoneOffset.UTC;
        }
    }
}
