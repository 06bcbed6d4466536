package com.authorworks.content.generation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.authorworks.content.GenerationJobId;
import com.authorworks.content.BookId;

import tools.jackson.databind.json.JsonMapper;

/**
 * A book's generation events: appended to PostgreSQL by whichever worker runs the job, and
 * streamed to subscribers as server-sent events whose ids are the log's ids, so a client that
 * reconnects with {@code Last-Event-ID} misses nothing and any process can serve the stream.
 */
@Component
class ProgressEvents implements SmartLifecycle {

    /** Event names after which a job is over; the stream ends after sending one. */
    static final List<String> TERMINAL = List.of("completed", "failed", "cancelled", "budget-exhausted", "outline-ready");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long POLL_MILLIS = 250;

    private final JdbcClient db;
    private final GenerationJobs jobs;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;

    ProgressEvents(JdbcClient db, GenerationJobs jobs) {
        this.db = db;
        this.jobs = jobs;
    }

    private static final class Subscription {
        final BookId book;
        final SseEmitter emitter;
        volatile long lastId;

        Subscription(BookId book, SseEmitter emitter, long lastId) {
            this.book = book;
            this.emitter = emitter;
            this.lastId = lastId;
        }
    }

    void append(BookId book, GenerationJobId job, String name, Map<String, Object> data) {
        db.sql("INSERT INTO content.generation_events (book_id, job_id, name, data) VALUES (:book, :job, :name, CAST(:data AS jsonb))")
                .param("book", book.value()).param("job", job.value()).param("name", name).param("data", JSON.writeValueAsString(data)).update();
    }

    /** Streams the book's events after {@code lastEventId} (all of the latest job's when null) until its job is over. */
    SseEmitter subscribe(BookId book, Long lastEventId) {
        long after = lastEventId != null ? lastEventId : jobs.latest(book).map(job -> db.sql("""
                SELECT coalesce((SELECT min(id) - 1 FROM content.generation_events WHERE job_id = :job),
                                (SELECT max(id) FROM content.generation_events WHERE book_id = :book), 0)""")
                .param("job", job.id().value()).param("book", book.value()).query(Long.class).single()).orElse(0L);
        SseEmitter emitter = new SseEmitter(Duration.ofHours(2).toMillis());
        Subscription subscription = new Subscription(book, emitter, after);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(e -> subscriptions.remove(subscription));
        subscriptions.add(subscription);
        return emitter;
    }

    private void pollAll() {
        for (Subscription s : subscriptions) {
            try {
                poll(s);
            } catch (IOException | IllegalStateException gone) {
                subscriptions.remove(s);
            } catch (RuntimeException databaseTrouble) {
                // the pool reconnects; the subscriber gets the events on a later poll
            }
        }
    }

    private void poll(Subscription s) throws IOException {
        var rows = db.sql("SELECT id, name, data::text AS data FROM content.generation_events WHERE book_id = :book AND id > :after ORDER BY id LIMIT 500")
                .param("book", s.book.value()).param("after", s.lastId)
                .query((rs, row) -> new Object[] {rs.getLong("id"), rs.getString("name"), rs.getString("data")}).list();
        for (Object[] row : rows) {
            s.emitter.send(SseEmitter.event().id(row[0].toString()).name((String) row[1]).data(row[2], MediaType.APPLICATION_JSON));
            s.lastId = (Long) row[0];
            if (TERMINAL.contains((String) row[1])) {
                subscriptions.remove(s);
                s.emitter.complete();
                return;
            }
        }
        if (rows.isEmpty() && jobs.latest(s.book).map(job -> !job.state().active()).orElse(true)) {
            subscriptions.remove(s);
            s.emitter.complete();
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("content-sse").daemon().factory());
        poller.scheduleWithFixedDelay(this::pollAll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        poller.shutdownNow();
        subscriptions.forEach(s -> s.emitter.complete());
        subscriptions.clear();
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }
}
