package com.authorworks.messaging.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;

/**
 * Discourse-style levels per scope (a book, an author): {@code watching} (everything about it, even what nobody
 * follows), {@code normal} (the default: the types' channels decide; {@code tracking} is read as it) and
 * {@code muted} (nothing about it is made). The most specific scope a user set wins: a book's level over its
 * author's (mute an author, watch one of their books). Table {@code messaging.scope_levels}; normal keeps no row.
 */
@Component
class ScopeLevels {

    /** What a notification is about, most specific first. */
    enum Scope {
        BOOK, AUTHOR;

        String wire() {
            return name().toLowerCase(Locale.ROOT) + "s";
        }

        static Optional<Scope> parse(String wire) {
            return Arrays.stream(values()).filter(scope -> scope.wire().equals(wire)).findFirst();
        }
    }

    enum Level {
        WATCHING, NORMAL, MUTED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Level> parse(String wire) {
            if ("tracking".equals(wire)) {
                return Optional.of(NORMAL);
            }
            return Arrays.stream(values()).filter(level -> level.wire().equals(wire)).findFirst();
        }
    }

    /** One scope: {@code id} is the book's or author's id. */
    record Ref(Scope scope, UUID id) {
    }

    /** The scopes a notification is about, most specific first (a book, then its author); none for the user's own affairs. */
    record About(List<Ref> refs) {

        static final About NOTHING = new About(List.of());

        static About book(UUID book, UserId author) {
            return new About(List.of(new Ref(Scope.BOOK, book), new Ref(Scope.AUTHOR, author.value())));
        }
    }

    record Setting(Ref ref, Level level, Instant updatedAt) {
    }

    private final JdbcClient db;
    private final MessagingClock clock;

    ScopeLevels(JdbcClient db, MessagingClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The user's level for what a notification is about: the most specific scope they set, else normal. */
    Level levelFor(UserId user, About about) {
        for (Ref ref : about.refs()) {
            Optional<Level> set = find(user, ref);
            if (set.isPresent()) {
                return set.get();
            }
        }
        return Level.NORMAL;
    }

    Optional<Level> find(UserId user, Ref ref) {
        return db.sql("SELECT level FROM messaging.scope_levels WHERE user_id = :user AND scope = :scope AND scope_id = :id")
                .param("user", user.value()).param("scope", ref.scope().name()).param("id", ref.id().toString())
                .query(String.class).optional().map(Level::valueOf);
    }

    Level level(UserId user, Ref ref) {
        return find(user, ref).orElse(Level.NORMAL);
    }

    /** The user's levels, newest first (at most 500). */
    List<Setting> all(UserId user) {
        return db.sql("""
                SELECT scope, scope_id, level, updated_at FROM messaging.scope_levels WHERE user_id = :user
                ORDER BY updated_at DESC, scope, scope_id LIMIT 500""").param("user", user.value())
                .query((rs, row) -> new Setting(new Ref(Scope.valueOf(rs.getString("scope")), UUID.fromString(rs.getString("scope_id"))),
                        Level.valueOf(rs.getString("level")), rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Sets a level; normal removes the row. */
    void set(UserId user, Ref ref, Level level) {
        if (level == Level.NORMAL) {
            db.sql("DELETE FROM messaging.scope_levels WHERE user_id = :user AND scope = :scope AND scope_id = :id")
                    .param("user", user.value()).param("scope", ref.scope().name()).param("id", ref.id().toString()).update();
            return;
        }
        db.sql("""
                INSERT INTO messaging.scope_levels (user_id, scope, scope_id, level, updated_at) VALUES (:user, :scope, :id, :level, :now)
                ON CONFLICT (user_id, scope, scope_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at""")
                .param("user", user.value()).param("scope", ref.scope().name()).param("id", ref.id().toString())
                .param("level", level.name()).param("now", java.sql.Timestamp.from(clock.instant())).update();
    }

    /**
     * Who watches what a notification is about (the book, or its author without having set the book otherwise),
     * leaving out {@code already} (those told anyway).
     */
    Set<UserId> watchers(About about, Collection<UserId> already) {
        Set<UserId> watchers = new LinkedHashSet<>();
        Set<UUID> decided = new java.util.HashSet<>();
        for (Ref ref : about.refs()) {
            List<Object[]> rows = db.sql("SELECT user_id, level FROM messaging.scope_levels WHERE scope = :scope AND scope_id = :id LIMIT 10000")
                    .param("scope", ref.scope().name()).param("id", ref.id().toString())
                    .query((rs, row) -> new Object[] {rs.getObject("user_id", UUID.class), rs.getString("level")}).list();
            for (Object[] row : rows) {
                UUID user = (UUID) row[0];
                if (decided.add(user) && Level.valueOf((String) row[1]) == Level.WATCHING) {
                    watchers.add(new UserId(user));
                }
            }
        }
        watchers.removeAll(already);
        return watchers;
    }
}
