package com.authorworks.engine;

import java.util.List;
import java.util.Optional;

/**
 * Where a run keeps its checkpoints: one text document per key (e.g. {@code plan/outline},
 * {@code draft/c03/s02}). The CLI keeps them in files, the content service in PostgreSQL.
 * Implementations must be thread-safe and make each {@link #put} atomic: after a crash a key
 * holds either its old or its new document, never a torn one.
 */
public interface CheckpointStore {

    Optional<String> get(String key);

    /** Stores the document under the key, replacing what was there, atomically. */
    void put(String key, String document);

    void delete(String key);

    /** Every stored key starting with the prefix ("" for all), sorted. */
    List<String> keys(String prefix);
}
