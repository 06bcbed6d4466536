package com.authorworks.platform.events;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * How a domain event travels as a Kafka record: its JSON in the value, its type, identity and origin
 * in headers, and its key.
 * <ul>
 * <li>The <b>id</b> is a name-based UUID of the type and the JSON, so every send of the same
 * publication (the registry resends until Kafka acknowledges) carries the same id, and consumers
 * take each id once. Events carry their ids, times or revisions, so two different events differ.</li>
 * <li>The <b>key</b> is the event's first typed id (a record with one {@code UUID value}), looked for
 * depth first through nested records: {@code BookPublished(PublishedBook(bookId, …), …)} is keyed
 * by the book, {@code FilesReleased(userId, …)} by the user. One key, one partition. Order is
 * not promised: the registry sends from asynchronous listeners and resends what failed, and
 * listeners run asynchronously, so a listener that cares about order compares the revision or
 * time its event carries (discovery's {@code claim}).</li>
 * <li>The <b>origin</b> is the set of services of the sending process; a process does not take
 * back what a process like it (the same services) sent, since such a process handled it already.</li>
 * </ul>
 */
final class EventRecords {

    static final String TYPE = "authorworks-event-type";
    static final String ID = "authorworks-event-id";
    static final String ORIGIN = "authorworks-event-origin";

    /** Only our own records are ever instantiated from a record's type header. */
    static final String EVENT_PACKAGE = "com.authorworks.";

    private EventRecords() {
    }

    static UUID id(String type, String json) {
        return UUID.nameUUIDFromBytes((type + '\n' + json).getBytes(StandardCharsets.UTF_8));
    }

    static boolean isDomainEvent(Object event) {
        return event.getClass().isRecord() && event.getClass().getName().startsWith(EVENT_PACKAGE);
    }

    static String key(Object event) {
        return typedId(event, 3).map(UUID::toString).orElse(null);
    }

    private static Optional<UUID> typedId(Object value, int depth) {
        if (value == null || depth == 0 || !value.getClass().isRecord()) {
            return Optional.empty();
        }
        RecordComponent[] components = value.getClass().getRecordComponents();
        if (components.length == 1 && components[0].getType() == UUID.class && components[0].getName().equals("value")) {
            return Optional.ofNullable((UUID) read(components[0], value));
        }
        for (RecordComponent component : components) {
            if (component.getType().isRecord()) {
                Optional<UUID> found = typedId(read(component, value), depth - 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), e);
        }
    }

    /** The class named by a record's type header, if it is one of our event records. */
    static Optional<Class<?>> eventType(String name, ClassLoader loader) {
        if (name == null || !name.startsWith(EVENT_PACKAGE)) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(name, false, loader);
            return type.isRecord() ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
