package com.authorworks.content.generation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Codexes;
import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.platform.UserId;

import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's checkpoints of one book in PostgreSQL. Every call is booked to the usage accounts in
 * the same transaction as the first record that holds it: the step's unfinished record, written before
 * each call is sent, so calls of a step that fails, is cancelled or dies with the process (or is still
 * running) are on the account too. A call is first booked as an estimate; each later version of it
 * (a truer estimate, the provider's count) updates that one row, and once the provider's count is booked
 * nothing changes it. A call the engine takes off a step's unfinished record (an attempt the provider
 * refused before answering) is taken off the account. The step's own record holds the same calls again;
 * each is booked once, by its id. (Records written before calls had ids are booked when their step is
 * checkpointed.)
 */
final class BookCheckpoints implements CheckpointStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BookCheckpoints.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final BookId book;
    private final UserId user;
    private final GenerationMetrics metrics;

    BookCheckpoints(JdbcClient db, TransactionTemplate transactions, BookId book, UserId user, GenerationMetrics metrics) {
        this.db = db;
        this.transactions = transactions;
        this.book = book;
        this.user = user;
        this.metrics = metrics;
    }

    /**
     * The codex ({@link StepKeys#CODEX}) is answered from the codex tables, after the ledger as it stands is extracted into
     * them, so every drafting prompt carries the author's latest edits and the facts of the scenes finished just before.
     */
    @Override
    public Optional<String> get(String key) {
        if (key.equals(StepKeys.CODEX)) {
            Codexes codexes = Codexes.over(db, transactions);
            try {
                codexes.extract(book, this);
            } catch (RuntimeException e) {
                log.warn("Could not extract the ledger into the codex of book {}; drafting with the codex as it is", book, e);
            }
            return codexes.document(book);
        }
        return get(key, false);
    }

    @Override
    public void put(String key, String document) {
        transactions.executeWithoutResult(tx -> {
            String step = StepKeys.paidFor(key);
            List<CallRecord> before = step != null && key.startsWith(StepKeys.UNFINISHED) ? calls(get(key, true)) : List.of();
            db.sql("""
                    INSERT INTO content.checkpoints (book_id, key, document) VALUES (:book, :key, :document)
                    ON CONFLICT (book_id, key) DO UPDATE SET document = excluded.document, updated_at = now()""")
                    .param("book", book.value()).param("key", key).param("document", document).update();
            if (step != null) {
                List<CallRecord> calls = calls(Optional.of(document));
                withdraw(before, calls);
                book(key, step, calls);
            }
        });
    }

    private Optional<String> get(String key, boolean forUpdate) {
        return db.sql("SELECT document FROM content.checkpoints WHERE book_id = :book AND key = :key" + (forUpdate ? " FOR UPDATE" : ""))
                .param("book", book.value()).param("key", key).query(String.class).optional();
    }

    private static List<CallRecord> calls(Optional<String> document) {
        return document.map(json -> JSON.readValue(json, StepRecord.class).calls()).orElse(List.of());
    }

    /** A call gone from a step's unfinished record was taken off the account (the provider refused it): so is its estimate. */
    private void withdraw(List<CallRecord> before, List<CallRecord> now) {
        Set<String> kept = now.stream().map(CallRecord::id).filter(Objects::nonNull).collect(Collectors.toSet());
        for (CallRecord call : before) {
            if (call.id() != null && !kept.contains(call.id())) {
                db.sql("DELETE FROM content.usage_entries WHERE call_id = :call AND book_id = :book AND estimated")
                        .param("call", call.id()).param("book", book.value()).update();
            }
        }
    }

    /**
     * Books each call once by its id: an estimate booked earlier takes the newer figures, a provider's
     * count is final. A call is counted in the metrics once, when its provider's figures are booked.
     */
    private void book(String key, String step, List<CallRecord> calls) {
        for (CallRecord call : calls) {
            if (call.id() == null && !StepKeys.isStep(key)) {
                continue;
            }
            int booked = db.sql("""
                    INSERT INTO content.usage_entries
                        (call_id, book_id, user_id, step, provider, model, input_tokens, output_tokens, cost_usd, estimated)
                    VALUES (:call, :book, :user, :step, :provider, :model, :input, :output, :cost, :estimated)
                    ON CONFLICT (call_id) DO UPDATE SET provider = excluded.provider, model = excluded.model,
                        input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd,
                        estimated = excluded.estimated
                    WHERE usage_entries.estimated""")
                    .param("call", call.id()).param("book", book.value()).param("user", user.value()).param("step", step)
                    .param("provider", call.provider()).param("model", call.model())
                    .param("input", call.usage().inputTokens()).param("output", call.usage().outputTokens())
                    .param("cost", call.costUsd()).param("estimated", call.estimated()).update();
            if (booked == 1 && !call.estimated()) {
                metrics.booked(call.provider(), call.usage().inputTokens(), call.usage().outputTokens(), call.costUsd());
            }
        }
    }

    @Override
    public void delete(String key) {
        db.sql("DELETE FROM content.checkpoints WHERE book_id = :book AND key = :key")
                .param("book", book.value()).param("key", key).update();
    }

    @Override
    public List<String> keys(String prefix) {
        return db.sql("SELECT key FROM content.checkpoints WHERE book_id = :book AND starts_with(key, :prefix) ORDER BY key")
                .param("book", book.value()).param("prefix", prefix).query(String.class).list();
    }
}
