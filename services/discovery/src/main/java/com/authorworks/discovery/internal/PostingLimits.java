package com.authorworks.discovery.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;

/**
 * The posting rate limit: a reader posts at most {@code count} comments (and, apart, reviews) in any
 * {@code per} (a sliding window on {@link DiscoveryClock}), else {@code 429 too-many-posts} with
 * {@code Retry-After}, the seconds until the oldest post of the window leaves it. Counted in
 * {@code discovery.posts}, so the limit holds across processes and restarts; {@link #take} runs in the posting's
 * transaction (a post that fails is not counted) and holds a per-reader advisory lock until it ends, so two
 * posts at once are counted one after the other.
 */
@Component
class PostingLimits {

    enum Kind {
        COMMENT, REVIEW;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient db;
    private final DiscoveryClock clock;
    private final DiscoveryProperties settings;

    PostingLimits(JdbcClient db, DiscoveryClock clock, DiscoveryProperties settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    DiscoveryProperties.PostingLimit limit(Kind kind) {
        return kind == Kind.COMMENT ? settings.commentLimit() : settings.reviewLimit();
    }

    /** Counts a post of {@code kind} by {@code user} now, or refuses it ({@link TooManyPosts}). Call inside the posting's transaction. */
    void take(UserId user, Kind kind) {
        DiscoveryProperties.PostingLimit limit = limit(kind);
        Instant now = clock.instant();
        Instant from = now.minus(limit.per());
        db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "discovery.posts:" + kind.key() + ":" + user.value()).query().listOfRows();
        db.sql("DELETE FROM discovery.posts WHERE user_id = :user AND kind = :kind AND posted_at <= :from")
                .param("user", user.value()).param("kind", kind.key()).param("from", time(from)).update();
        long posted = db.sql("SELECT count(*) FROM discovery.posts WHERE user_id = :user AND kind = :kind AND posted_at > :from")
                .param("user", user.value()).param("kind", kind.key()).param("from", time(from)).query(Long.class).single();
        if (posted >= limit.count()) {
            // the window frees a post when its oldest posts leave it: the (posted - count + 1)th oldest
            Optional<OffsetDateTime> freeing = db.sql("""
                    SELECT posted_at FROM discovery.posts WHERE user_id = :user AND kind = :kind AND posted_at > :from
                    ORDER BY posted_at OFFSET :skip LIMIT 1""")
                    .param("user", user.value()).param("kind", kind.key()).param("from", time(from))
                    .param("skip", posted - limit.count()).query(OffsetDateTime.class).optional();
            Duration wait = freeing.map(at -> Duration.between(now, at.toInstant().plus(limit.per()))).orElse(limit.per());
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new TooManyPosts(kind.key(), limit, Duration.ofSeconds(seconds));
        }
        db.sql("INSERT INTO discovery.posts (user_id, kind, posted_at) VALUES (:user, :kind, :at)")
                .param("user", user.value()).param("kind", kind.key()).param("at", time(now)).update();
    }

    static String describe(Duration per) {
        if (per.toSeconds() % 3600 == 0) {
            long hours = per.toHours();
            return hours == 1 ? "an hour" : hours + " hours";
        }
        if (per.toSeconds() % 60 == 0) {
            long minutes = per.toMinutes();
            return minutes == 1 ? "a minute" : minutes + " minutes";
        }
        return per.toSeconds() + " seconds";
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
