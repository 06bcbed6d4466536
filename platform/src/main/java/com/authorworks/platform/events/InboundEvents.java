package com.authorworks.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the events other processes sent through Kafka into this process: each is published here,
 * in a transaction, so the event publication registry hands it to this process's listeners as if
 * it had been published here (durably, retried until they finish). The consumer's record of event ids
 * ({@code events.consumed_events}) is written in the same transaction, so an event Kafka delivers again
 * (after a rebalance, a crash before the offset commit, or a replay) is taken once.
 * <p>
 * An event taken in is never sent back out: {@link #isInbound()} holds while it is published, and
 * the externalisation selects nothing then.
 */
class InboundEvents implements MessageListener<String, String> {

    private static final ThreadLocal<Boolean> INBOUND = ThreadLocal.withInitial(() -> false);

    private final String origin;
    private final String consumer;
    private final JsonMapper json;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final ClassLoader loader;

    InboundEvents(String origin, String consumer, JsonMapper json, JdbcClient db, TransactionTemplate transactions,
                  ApplicationEventPublisher publisher, ClassLoader loader) {
        this.origin = origin;
        this.consumer = consumer;
        this.json = json;
        this.db = db;
        this.transactions = transactions;
        this.publisher = publisher;
        this.loader = loader;
    }

    static boolean isInbound() {
        return INBOUND.get();
    }

    /** A record that can never be taken in (not one of our events, or not readable as one): it goes to the dead-letter topic at once. */
    static final class UnreadableEvent extends RuntimeException {
        UnreadableEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void onMessage(ConsumerRecord<String, String> record) {
        if (origin.equals(header(record, EventRecords.ORIGIN))) {
            return; // a process like this one sent it, and its listeners (which this one has too) took it there
        }
        String typeName = header(record, EventRecords.TYPE);
        Class<?> type = EventRecords.eventType(typeName, loader)
                .orElseThrow(() -> new UnreadableEvent("Not an AuthorWorks event type: " + typeName, null));
        Object event;
        try {
            event = json.readValue(record.value(), type);
        } catch (JacksonException e) {
            throw new UnreadableEvent("Not a readable " + typeName + ": " + e.getOriginalMessage(), e);
        }
        UUID id = id(record, typeName);
        transactions.executeWithoutResult(status -> {
            int taken = db.sql("""
                    INSERT INTO events.consumed_events (consumer, event_id, event_type) VALUES (:consumer, :id, :type)
                    ON CONFLICT DO NOTHING""").param("consumer", consumer).param("id", id).param("type", typeName).update();
            if (taken == 1) {
                INBOUND.set(true);
                try {
                    publisher.publishEvent(event);
                } finally {
                    INBOUND.remove();
                }
            }
        });
    }

    private UUID id(ConsumerRecord<String, String> record, String typeName) {
        String id = header(record, EventRecords.ID);
        try {
            return id != null ? UUID.fromString(id) : EventRecords.id(typeName, record.value());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("Not an event id: " + id, e);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
