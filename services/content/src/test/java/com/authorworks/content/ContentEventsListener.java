package com.authorworks.content;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Listens to content's published events as another module would (through the event publication
 * registry, after the publishing transaction committed), so tests can see what reached a listener.
 */
class ContentEventsListener {

    final List<Object> received = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener(id = "content-tests.scene-drafted")
    void on(SceneDrafted event) {
        received.add(event);
    }

    @ApplicationModuleListener(id = "content-tests.generation-completed")
    void on(BookGenerationCompleted event) {
        received.add(event);
    }

    @ApplicationModuleListener(id = "content-tests.generation-failed")
    void on(BookGenerationFailed event) {
        received.add(event);
    }

    @ApplicationModuleListener(id = "content-tests.book-deleted")
    void on(BookDeleted event) {
        received.add(event);
    }

    <T> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
