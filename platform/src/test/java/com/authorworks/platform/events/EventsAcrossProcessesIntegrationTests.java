package com.authorworks.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.testing.TestAccessTokens;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

/**
 * Two processes (their own databases, their own registries) joined by a real Kafka broker in this
 * JVM: what one publishes reaches the other's listeners once, in its publisher's trace, even when Kafka
 * delivers it twice; nothing taken in goes back out; a record that cannot be taken in goes to the
 * dead-letter topic, and the replay brings it back once the cause is fixed.
 */
class EventsAcrossProcessesIntegrationTests {

    /** A test event keyed by its parcel. */
    record ParcelId(UUID value) {
    }

    record ParcelSent(ParcelId parcel, int step, String note) {
    }

    /** What a process's listener heard, as it heard it. */
    static class Heard {
        private final List<ParcelSent> events = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(ParcelSent event) {
            events.add(event);
        }

        List<ParcelSent> events() {
            return events;
        }
    }

    @EnableAutoConfiguration
    static class Process {
        @Bean
        TestAccessTokens accessTokenKeys() {
            return new TestAccessTokens();
        }

        @Bean
        Heard heard() {
            return new Heard();
        }
    }

    static EmbeddedKafkaKraftBroker broker;
    static ConfigurableApplicationContext sender;
    static ConfigurableApplicationContext receiver;

    @BeforeAll
    static void start(@TempDir Path data) {
        broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.afterPropertiesSet();
        sender = process("alpha", data.resolve("alpha"));
        receiver = process("beta", data.resolve("beta"));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {receiver, sender}) {
            if (context != null) {
                context.close();
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    static ConfigurableApplicationContext process(String services, Path data) {
        return new SpringApplicationBuilder(Process.class).properties("server.port=0", "logging.level.root=WARN",
                "authorworks.services=" + services, "authorworks.data=" + data,
                "authorworks.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "authorworks.kafka.partitions=2",
                "authorworks.kafka.retry-for=2s", "authorworks.kafka.retention=3d", "authorworks.events.retry-interval=1s", "authorworks.events.retry-after=1s").run();
    }

    static void publish(ConfigurableApplicationContext process, Object event) {
        ApplicationEventPublisher events = process;
        process.getBean(TransactionTemplate.class).executeWithoutResult(status -> events.publishEvent(event));
    }

    static List<ParcelSent> heard(ConfigurableApplicationContext process, ParcelId parcel) {
        return process.getBean(Heard.class).events().stream().filter(event -> event.parcel().equals(parcel)).toList();
    }

    @Test
    void whatOneProcessPublishesReachesTheOtherOnceAndNothingComesBack() {
        ParcelId parcel = new ParcelId(UUID.randomUUID());
        long before = records(receiver, "authorworks.events");
        Tracer tracer = sender.getBean(Tracer.class);
        String[] trace = new String[1];
        Observation.createNotStarted("parcel.sending", sender.getBean(ObservationRegistry.class)).observe(() -> {
            trace[0] = tracer.currentSpan().context().traceId();
            for (int step = 1; step <= 5; step++) {
                publish(sender, new ParcelSent(parcel, step, "step " + step));
            }
        });
        until("the receiver to hear five steps", () -> heard(receiver, parcel).size() == 5);
        assertThat(heard(receiver, parcel)).extracting(ParcelSent::step)
                .as("each once; listeners run asynchronously, so not necessarily in order").containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(heard(sender, parcel)).as("the sender's own listener heard them in-process").hasSize(5);
        assertThat(records(receiver, "authorworks.events") - before).as("the receiver sent nothing back").isEqualTo(5);

        // the same record delivered again (as after a rebalance): taken once
        ConsumerRecord<String, String> first = find(receiver, "authorworks.events", parcel);
        assertThat(first.key()).as("keyed by the parcel").isEqualTo(parcel.value().toString());
        Header traceparent = first.headers().lastHeader("traceparent");
        assertThat(traceparent).as("the record carries a W3C trace context").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).as("the trace of the code that published the event")
                .startsWith("00-" + trace[0] + "-");
        ProducerRecord<String, String> again = new ProducerRecord<>("authorworks.events", null, first.key(), first.value());
        first.headers().forEach(again.headers()::add);
        send(again);
        publish(sender, new ParcelSent(parcel, 6, "after the duplicate"));
        until("the step after the duplicate", () -> heard(receiver, parcel).size() >= 6);
        assertThat(heard(receiver, parcel)).extracting(ParcelSent::step).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(heard(sender, parcel)).as("a process like the sender takes nothing back").hasSize(6);
    }

    @Test
    void aRecordThatCannotBeTakenInIsDeadLetteredAndReplayedOnceItsCauseIsGone() {
        DeadLetters deadLetters = receiver.getBean(DeadLetters.class);
        long waiting = deadLetters.waiting();

        // not one of our events: each process dead-letters it at once (neither can take it), and goes on
        ProducerRecord<String, String> foreign = new ProducerRecord<>("authorworks.events", "k", "{}");
        foreign.headers().add(EventRecords.TYPE, "java.lang.ProcessBuilder".getBytes(StandardCharsets.UTF_8));
        send(foreign);
        until("the foreign record to be dead-lettered by both processes", () -> deadLetters.waiting() == waiting + 2);
        // replayed: back in the events topic, and (still foreign) dead-lettered again by both, never taken in
        assertThat(deadLetters.replay()).isEqualTo((int) waiting + 2);
        until("the replayed foreign records to be dead-lettered again", () -> deadLetters.waiting() == 2 * (waiting + 2));

        // the receiver's database refuses (its record of consumed events is gone): retried, then dead-lettered
        JdbcClient db = receiver.getBean(JdbcClient.class);
        db.sql("ALTER TABLE events.consumed_events RENAME TO consumed_events_away").update();
        ParcelId parcel = new ParcelId(UUID.randomUUID());
        try {
            publish(sender, new ParcelSent(parcel, 1, "while the receiver's database refuses"));
            until("the refused event to be dead-lettered", () -> keys(receiver, "authorworks.events.dlt").contains(parcel.value().toString()));
            assertThat(heard(receiver, parcel)).isEmpty();
        } finally {
            db.sql("ALTER TABLE events.consumed_events_away RENAME TO consumed_events").update();
        }
        deadLetters.replay();
        until("the replayed event to be heard", () -> heard(receiver, parcel).size() == 1);
        assertThat(heard(receiver, parcel)).extracting(ParcelSent::note).containsExactly("while the receiver's database refuses");
        assertThat(heard(sender, parcel)).hasSize(1);
    }

    @Test
    void consumedIdsAreForgottenOnceKafkaCanNoLongerDeliverTheirEventsAndTheTopicsSayHowLongThatIs() throws Exception {
        JdbcClient db = receiver.getBean(JdbcClient.class);
        String consumer = "pruning-test-" + UUID.randomUUID();
        // more than one batch older than the retention (three days here, seven by default) and a day, and one just younger
        db.sql("""
                INSERT INTO events.consumed_events (consumer, event_id, event_type, consumed_at)
                SELECT :consumer, gen_random_uuid(), 'Old', now() - interval '4 days 1 hour' FROM generate_series(1, :old)""")
                .param("consumer", consumer).param("old", ConsumedEventsPruning.BATCH + 1).update();
        db.sql("""
                INSERT INTO events.consumed_events (consumer, event_id, event_type, consumed_at)
                VALUES (:consumer, gen_random_uuid(), 'Recent', now() - interval '3 days 23 hours')""").param("consumer", consumer).update();

        assertThat(receiver.getBean(ConsumedEventsPruning.class).prune()).isEqualTo(ConsumedEventsPruning.BATCH + 1);
        assertThat(db.sql("SELECT event_type FROM events.consumed_events WHERE consumer = :consumer").param("consumer", consumer)
                .query(String.class).list()).containsExactly("Recent");

        try (Admin admin = Admin.create(receiver.getBean(KafkaAdmin.class).getConfigurationProperties())) {
            for (String topic : List.of("authorworks.events", "authorworks.events.dlt")) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic + " keeps records as long as set (the broker's default is seven days)")
                        .isEqualTo(Long.toString(Duration.ofDays(3).toMillis()));
            }
        }
    }

    private static void send(ProducerRecord<String, String> record) {
        try {
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, String> template = sender.getBean(KafkaTemplate.class);
            template.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Consumer<String, String> reader(ConfigurableApplicationContext process) {
        return process.getBean(ConsumerFactory.class).createConsumer("test-reader-" + UUID.randomUUID(), "test");
    }

    private static long records(ConfigurableApplicationContext process, String topic) {
        try (Consumer<String, String> consumer = reader(process)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The keys of every record in the topic now. */
    private static List<String> keys(ConfigurableApplicationContext process, String topic) {
        try (Consumer<String, String> consumer = reader(process)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> keys = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }

    private static ConsumerRecord<String, String> find(ConfigurableApplicationContext process, String topic, ParcelId parcel) {
        try (Consumer<String, String> consumer = reader(process)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (parcel.value().toString().equals(record.key())) {
                        return record;
                    }
                }
            }
            throw new AssertionError("No record keyed " + parcel);
        }
    }

    private static void until(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
