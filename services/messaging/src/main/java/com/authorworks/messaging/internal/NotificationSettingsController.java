package com.authorworks.messaging.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.messaging.internal.ScopeLevels.Level;
import com.authorworks.messaging.internal.ScopeLevels.Ref;
import com.authorworks.messaging.internal.ScopeLevels.Scope;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * The caller's levels per book and per author (watching, normal, muted) and their mail settings (time zone, quiet
 * hours, digest period). Each is the caller's own: setting a level for someone else's book changes only the
 * caller's notifications.
 */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
class NotificationSettingsController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ScopeLevels levels;
    private final MailSettings mailSettings;

    NotificationSettingsController(ScopeLevels levels, MailSettings mailSettings) {
        this.levels = levels;
        this.mailSettings = mailSettings;
    }

    /** {@code scope}: {@code books} or {@code authors}; {@code level}: {@code watching}, {@code normal} or {@code muted}. */
    record LevelView(String scope, UUID id, String level, Instant updatedAt) {

        static LevelView of(Ref ref, Level level, Instant updatedAt) {
            return new LevelView(ref.scope().wire(), ref.id(), level.wire(), updatedAt);
        }
    }

    record Levels(List<LevelView> items) {
    }

    record LevelChange(String level) {
    }

    /** Every book and author the caller set a level for (normal ones keep no row), newest first. */
    @GetMapping("/scopes")
    Levels scopes() {
        return new Levels(levels.all(CurrentUser.require().id()).stream()
                .map(setting -> LevelView.of(setting.ref(), setting.level(), setting.updatedAt())).toList());
    }

    @GetMapping("/books/{bookId}")
    LevelView book(@PathVariable String bookId) {
        return get(Scope.BOOK, bookId);
    }

    @PutMapping("/books/{bookId}")
    LevelView setBook(@PathVariable String bookId, @RequestBody LevelChange change) {
        return set(Scope.BOOK, bookId, change);
    }

    @DeleteMapping("/books/{bookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearBook(@PathVariable String bookId) {
        levels.set(CurrentUser.require().id(), ref(Scope.BOOK, bookId), Level.NORMAL);
    }

    @GetMapping("/authors/{authorId}")
    LevelView author(@PathVariable String authorId) {
        return get(Scope.AUTHOR, authorId);
    }

    @PutMapping("/authors/{authorId}")
    LevelView setAuthor(@PathVariable String authorId, @RequestBody LevelChange change) {
        return set(Scope.AUTHOR, authorId, change);
    }

    @DeleteMapping("/authors/{authorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearAuthor(@PathVariable String authorId) {
        levels.set(CurrentUser.require().id(), ref(Scope.AUTHOR, authorId), Level.NORMAL);
    }

    /** Any other scope (a tag, a typo) is a clear problem rather than a 404. */
    @GetMapping("/{scope}/{key}")
    LevelView unknownScope(@PathVariable String scope, @PathVariable String key) {
        throw unknown(scope);
    }

    @PutMapping("/{scope}/{key}")
    LevelView setUnknownScope(@PathVariable String scope, @PathVariable String key) {
        throw unknown(scope);
    }

    private static Problem unknown(String scope) {
        return Problem.badRequest("unknown-scope", "There is no scope '" + (scope.length() > 40 ? scope.substring(0, 40) + "…" : scope)
                + "'; levels are set for " + String.join(", ", Arrays.stream(Scope.values()).map(Scope::wire).toList()) + ".");
    }

    private LevelView get(Scope scope, String id) {
        Ref ref = ref(scope, id);
        UserId caller = CurrentUser.require().id();
        return LevelView.of(ref, levels.level(caller, ref), null);
    }

    @Transactional
    LevelView set(Scope scope, String id, LevelChange change) {
        Ref ref = ref(scope, id);
        UserId caller = CurrentUser.require().id();
        if (change == null || change.level() == null) {
            throw Problem.badRequest("validation-failed", "level is required: watching, normal or muted.");
        }
        Level level = Level.parse(change.level()).orElseThrow(() -> Problem.badRequest("invalid-level",
                "A level is watching (everything about it), normal (tracking is the same) or muted (nothing about it)."));
        if (scope == Scope.AUTHOR && ref.id().equals(caller.value())) {
            throw Problem.badRequest("cannot-scope-yourself", "Your own books are set one by one, or by type.");
        }
        levels.set(caller, ref, level);
        return LevelView.of(ref, level, null);
    }

    private static Ref ref(Scope scope, String id) {
        try {
            return new Ref(scope, UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-scope-id", "A " + (scope == Scope.BOOK ? "book" : "author") + " is named by its id (a UUID).");
        }
    }

    /** {@code quietHours}: {@code {start, end}} as {@code HH:mm} in {@code timeZone}, or null for none. */
    record QuietHours(String start, String end) {
    }

    record MailView(String timeZone, QuietHours quietHours, String digest, String digestAt) {

        static MailView of(MailSettings.Settings settings) {
            return new MailView(settings.zone().getId(), settings.quietStart() == null ? null
                    : new QuietHours(settings.quietStart().format(HH_MM), settings.quietEnd().format(HH_MM)),
                    settings.digest().wire(), MailSettings.DIGEST_AT.format(HH_MM));
        }
    }

    record MailChange(String timeZone, QuietHours quietHours, String digest) {
    }

    @GetMapping("/mail")
    MailView mail() {
        return MailView.of(mailSettings.of(CurrentUser.require().id()));
    }

    /** Sets the time zone (required), the quiet hours (null: none) and the digest period ({@code daily} when left out). */
    @PutMapping("/mail")
    MailView setMail(@RequestBody MailChange change) {
        UserId caller = CurrentUser.require().id();
        if (change == null || change.timeZone() == null || change.timeZone().isBlank()) {
            throw Problem.badRequest("validation-failed", "timeZone is required: an IANA zone such as Europe/Paris.");
        }
        ZoneId zone;
        try {
            if (!change.timeZone().contains("/") && !change.timeZone().equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            zone = ZoneId.of(change.timeZone());
        } catch (DateTimeException e) {
            throw Problem.badRequest("invalid-time-zone", "timeZone is an IANA zone such as Europe/Paris or UTC.");
        }
        LocalTime start = null;
        LocalTime end = null;
        if (change.quietHours() != null) {
            start = time(change.quietHours().start());
            end = time(change.quietHours().end());
            if (start.equals(end)) {
                throw Problem.badRequest("invalid-quiet-hours", "Quiet hours start and end at different times (22:00 to 07:00 spans the night).");
            }
        }
        MailSettings.Digest digest = change.digest() == null ? MailSettings.Digest.DAILY : MailSettings.Digest.parse(change.digest())
                .orElseThrow(() -> Problem.badRequest("invalid-digest", "digest is daily or weekly."));
        MailSettings.Settings settings = new MailSettings.Settings(zone, start, end, digest);
        mailSettings.set(caller, settings);
        return MailView.of(settings);
    }

    private static LocalTime time(String text) {
        try {
            if (text == null || !text.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", String.valueOf(text), 0);
            }
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("invalid-quiet-hours", "Quiet hours are {start, end} as HH:mm (00:00 to 23:59).");
        }
    }
}
