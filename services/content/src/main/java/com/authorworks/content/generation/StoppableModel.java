package com.authorworks.content.generation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;

/**
 * The job's model, made stoppable from outside: the engine stops before its next call when
 * cancelled, but waits for calls in flight; {@link #stop()} interrupts the threads making them
 * (an HTTP call to a provider gives up when interrupted) and refuses new ones.
 */
final class StoppableModel implements LanguageModel {

    private final LanguageModel model;
    private final Set<Thread> calling = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    StoppableModel(LanguageModel model) {
        this.model = model;
    }

    @Override
    public String provider() {
        return model.provider();
    }

    @Override
    public Completion complete(CompletionRequest request) {
        Thread caller = Thread.currentThread();
        calling.add(caller);
        try {
            if (stopped) {
                throw new LanguageModelException.Unavailable(provider(), "The generation was stopped.", null);
            }
            return model.complete(request);
        } finally {
            calling.remove(caller);
            if (stopped) {
                Thread.interrupted();
            }
        }
    }

    void stop() {
        stopped = true;
        calling.forEach(Thread::interrupt);
    }
}
