package com.authorworks.content.generation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookId;
import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.platform.UserId;

import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's checkpoints of one book in PostgreSQL. Every paid call is booked to the usage
 * accounts in the same transaction as the first record that holds it: the step's unfinished record,
 * written as each call is paid, so calls of a step that fails, is cancelled or dies with the process
 * are on the account too. The step's own record holds the same calls again; each is booked once, by
 * its id. (Records written before calls had ids are booked when their step is checkpointed.)
 */
final class BookCheckpoints implements CheckpointStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final BookId book;
    private final UserId user;

    BookCheckpoints(JdbcClient db, TransactionTemplate transactions, BookId book, UserId user) {
        this.db = db;
        this.transactions = transactions;
        this.book = book;
        this.user = user;
    }

    @Override
    public Optional<String> get(String key) {
        return db.sql("SELECT document FROM content.checkpoints WHERE book_id = :book AND key = :key")
                .param("book", book.value()).param("key", key).query(String.class).optional();
    }

    @Override
    public void put(String key, String document) {
        transactions.executeWithoutResult(tx -> {
            db.sql("""
                    INSERT INTO content.checkpoints (book_id, key, document) VALUES (:book, :key, :document)
                    ON CONFLICT (book_id, key) DO UPDATE SET document = excluded.document, updated_at = now()""")
                    .param("book", book.value()).param("key", key).param("document", document).update();
            String step = StepKeys.paidFor(key);
            if (step != null) {
                book(key, step, JSON.readValue(document, StepRecord.class).calls());
            }
        });
    }

    private void book(String key, String step, List<CallRecord> calls) {
        for (CallRecord call : calls) {
            if (call.id() == null && !StepKeys.isStep(key)) {
                continue;
            }
            db.sql("""
                    INSERT INTO content.usage_entries (call_id, book_id, user_id, step, provider, model, input_tokens, output_tokens, cost_usd)
                    VALUES (:call, :book, :user, :step, :provider, :model, :input, :output, :cost)
                    ON CONFLICT (call_id) DO NOTHING""")
                    .param("call", call.id()).param("book", book.value()).param("user", user.value()).param("step", step)
                    .param("provider", call.provider()).param("model", call.model())
                    .param("input", call.usage().inputTokens()).param("output", call.usage().outputTokens())
                    .param("cost", call.costUsd()).update();
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
