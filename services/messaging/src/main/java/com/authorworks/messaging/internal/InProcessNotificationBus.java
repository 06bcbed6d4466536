package com.authorworks.messaging.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;

/**
 * The bus of one process: signals go to the user's listeners on a virtual thread, so the transaction
 * that published them never waits for a slow client.
 */
@Component
class InProcessNotificationBus implements NotificationBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessNotificationBus.class);

    private final Map<UserId, Set<Consumer<Signal>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public void publish(Signal signal) {
        Set<Consumer<Signal>> targets = listeners.get(signal.user());
        if (targets == null || targets.isEmpty()) {
            return;
        }
        for (Consumer<Signal> listener : targets) {
            delivery.execute(() -> {
                try {
                    listener.accept(signal);
                } catch (RuntimeException e) {
                    log.debug("A live connection of {} failed to take a signal: {}", signal.user(), e.toString());
                }
            });
        }
    }

    @Override
    public Registration subscribe(UserId user, Consumer<Signal> listener) {
        // added and removed inside compute, so a listener never joins a set that is being dropped as empty
        listeners.compute(user, (u, set) -> {
            Set<Consumer<Signal>> joined = set == null ? ConcurrentHashMap.newKeySet() : set;
            joined.add(listener);
            return joined;
        });
        return () -> listeners.computeIfPresent(user, (u, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Live connections in this process (for tests and metrics). */
    int connections() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
