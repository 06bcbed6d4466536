package com.authorworks.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The dead-letter topic and its replay tool: records no process could take in (see
 * {@link InboundEvents}) wait there, and {@link #replay()} sends every one not yet replayed back to
 * the events topic, with its key, type, id and origin. Consumers that took an event already ignore
 * it again (by id); those that could not take it get it once more.
 */
class DeadLetters {

    static final String REPLAY_GROUP = "authorworks-dead-letter-replay";
    private static final Set<String> KEPT_HEADERS = Set.of(EventRecords.TYPE, EventRecords.ID, EventRecords.ORIGIN);

    private final String topic;
    private final String deadLetterTopic;
    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> template;

    DeadLetters(String topic, String deadLetterTopic, ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> template) {
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.consumers = consumers;
        this.template = template;
    }

    /** How many dead letters have not been replayed yet. */
    synchronized long waiting() {
        try (Consumer<String, String> consumer = replayConsumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            return partitions.stream().mapToLong(partition -> ends.get(partition) - consumer.position(partition)).sum();
        }
    }

    /** Sends every dead letter not yet replayed back to the events topic; returns how many. */
    synchronized int replay() {
        try (Consumer<String, String> consumer = replayConsumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int replayed = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(500))) {
                    if (letter.offset() >= ends.get(new TopicPartition(letter.topic(), letter.partition()))) {
                        continue; // arrived after the replay began: the next replay takes it
                    }
                    ProducerRecord<String, String> again = new ProducerRecord<>(topic, null, letter.key(), letter.value());
                    for (Header header : letter.headers()) {
                        if (KEPT_HEADERS.contains(header.key())) {
                            again.headers().add(header);
                        }
                    }
                    send(again);
                    consumer.commitSync(Map.of(new TopicPartition(letter.topic(), letter.partition()), new OffsetAndMetadata(letter.offset() + 1)));
                    replayed++;
                }
            }
            return replayed;
        }
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            template.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not replay a dead letter to " + topic + ": " + e.getMessage(), e);
        }
    }

    private Consumer<String, String> replayConsumer() {
        return consumers.createConsumer(REPLAY_GROUP, "replay");
    }

    /** Every partition of the dead-letter topic, assigned, each at the replay group's position (the beginning if it has none). */
    private List<TopicPartition> partitions(Consumer<String, String> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            consumer.seek(partition, offset != null ? offset.offset() : beginnings.get(partition));
        }
        return partitions;
    }
}
