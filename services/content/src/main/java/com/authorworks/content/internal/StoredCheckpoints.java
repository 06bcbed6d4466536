package com.authorworks.content.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.authorworks.content.BookId;
import com.authorworks.engine.CheckpointStore;

/** A book's engine checkpoints, read only: for reading what the generator knows without running it. */
public final class StoredCheckpoints implements CheckpointStore {

    private final JdbcClient db;
    private final BookId book;

    public StoredCheckpoints(JdbcClient db, BookId book) {
        this.db = db;
        this.book = book;
    }

    @Override
    public Optional<String> get(String key) {
        return db.sql("SELECT document FROM content.checkpoints WHERE book_id = :book AND key = :key")
                .param("book", book.value()).param("key", key).query(String.class).optional();
    }

    @Override
    public void put(String key, String document) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public void delete(String key) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public List<String> keys(String prefix) {
        return db.sql("SELECT key FROM content.checkpoints WHERE book_id = :book AND starts_with(key, :prefix) ORDER BY key")
                .param("book", book.value()).param("prefix", prefix).query(String.class).list();
    }
}
