package com.authorworks.content;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;

/**
 * The events content published, from any thread (request threads, the scheduler), as a listener in
 * another service would receive them in this process.
 */
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(Object event) {
        if (event.getClass().getPackageName().equals(RecordedEvents.class.getPackageName())) {
            events.add(event);
        }
    }

    public <T> Stream<T> stream(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }
}
