package com.authorworks.content.generation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.authorworks.content.GenerationJobId;
import com.authorworks.content.BookId;
import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * A book's generation events: appended to PostgreSQL by whichever worker runs the job, and
 * streamed to subscribers as server-sent events whose ids are the log's ids, so a client that
 * reconnects with {@code Last-Event-ID} misses nothing and any process can serve the stream.
 * <p>
 * Each append is announced to every process on the database ({@code NOTIFY content_generation_events},
 * the book's id as payload, delivered at commit); each process listens on a connection of its own and
 * sends the book's new events to its subscribers at once. A slow poll
 * ({@code authorworks.content.progress-poll}, 5 s) is there only for what a lost listening connection missed.
 */
@Component
class ProgressEvents implements SmartLifecycle {

    /** Event names after which a job is over; the stream ends after sending one. */
    static final List<String> TERMINAL = List.of("completed", "failed", "cancelled", "budget-exhausted", "outline-ready");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CHANNEL = "content_generation_events";
    private static final Logger log = LoggerFactory.getLogger(ProgressEvents.class);

    private final JdbcClient db;
    private final GenerationJobs jobs;
    private final DataSource dataSource;
    private final Duration fallbackPoll;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;
    private volatile Thread listener;

    ProgressEvents(JdbcClient db, GenerationJobs jobs, DataSource dataSource,
                   @Value("${authorworks.content.progress-poll:5s}") Duration fallbackPoll) {
        this.db = db;
        this.jobs = jobs;
        this.dataSource = dataSource;
        this.fallbackPoll = fallbackPoll;
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
        db.sql("SELECT pg_notify('" + CHANNEL + "', :book)").param("book", book.value().toString()).query((rs, row) -> row).list();
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
        poller.execute(() -> pollWhere(s -> s == subscription)); // what is there already; the rest as it is announced
        return emitter;
    }

    private void pollAll() {
        pollWhere(s -> true);
    }

    private void pollWhere(Predicate<Subscription> which) {
        for (Subscription s : subscriptions) {
            if (!which.test(s)) {
                continue;
            }
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

    /** Holds a connection that listens for appends, and hands each announced book to the poller; reconnects when it is lost. */
    private void listen() {
        long wait = 1_000;
        boolean warned = false;
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection connection = listeningConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                if (warned) {
                    log.info("Listening for generation progress again");
                }
                wait = 1_000;
                warned = false;
                poller.execute(this::pollAll); // whatever was appended while nobody listened
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] announced = notifications.getNotifications(1_000);
                    if (announced != null && announced.length > 0) {
                        Set<String> books = new HashSet<>();
                        for (PGNotification notification : announced) {
                            books.add(notification.getParameter());
                        }
                        poller.execute(() -> pollWhere(s -> books.contains(s.book.value().toString())));
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (Thread.currentThread().isInterrupted() || poller.isShutdown()) {
                    return;
                }
                // once per outage, not at every try: the database may be down for a while
                if (!warned) {
                    log.warn("Listening for generation progress failed (the {} poll carries on; trying again with backoff): {}",
                            fallbackPoll, lost.toString());
                    warned = true;
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException stopped) {
                    return;
                }
                wait = Math.min(wait * 2, 30_000);
            }
        }
    }

    /** A connection of its own, outside the pool, so listening never takes one from the requests. */
    private Connection listeningConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource pool) {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("content-sse").daemon().factory());
        poller.scheduleWithFixedDelay(this::pollAll, fallbackPoll.toMillis(), fallbackPoll.toMillis(), TimeUnit.MILLISECONDS);
        listener = Thread.ofPlatform().name("content-sse-listener").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        Thread listening = listener;
        if (listening != null) {
            listening.interrupt();
        }
        poller.shutdownNow();
        subscriptions.forEach(s -> s.emitter.complete());
        subscriptions.clear();
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }
}
