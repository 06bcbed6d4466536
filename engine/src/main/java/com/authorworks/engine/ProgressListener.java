package com.authorworks.engine;

/**
 * Receives a run's progress. Called from the engine's worker threads, so implementations must be
 * thread-safe and quick (hand the event on; don't call a model from here).
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> { };

    void on(GenerationEvent event);
}
