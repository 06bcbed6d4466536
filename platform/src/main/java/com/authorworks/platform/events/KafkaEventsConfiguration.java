package com.authorworks.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.config.EventExternalizationAutoConfiguration;
import org.springframework.modulith.events.support.EventExternalizationTransport;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import com.authorworks.platform.services.EnabledServices;

import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Events across processes, on when {@code authorworks.kafka.bootstrap-servers}
 * ({@code AUTHORWORKS_KAFKA_BOOTSTRAP_SERVERS}) names a broker. Every domain event this process
 * publishes is, besides going to its listeners here, a publication of the registry's Kafka
 * externaliser: written in the publishing transaction, sent after the commit, and resent (by
 * {@link EventResubmission}) until the broker acknowledges it. Every other process takes it in
 * ({@link InboundEvents}) and hands it to its own listeners through its own registry. Records it
 * cannot read go to the dead-letter topic ({@link DeadLetters}), which an admin replays.
 * Without a broker (one process on embedded defaults) none of this exists.
 */
@AutoConfiguration(before = EventExternalizationAutoConfiguration.class)
@ConditionalOnProperty(name = KafkaEventsConfiguration.BOOTSTRAP_SERVERS)
public class KafkaEventsConfiguration {

    static final String BOOTSTRAP_SERVERS = "authorworks.kafka.bootstrap-servers";

    /** The topics and this process's place among the consumers. */
    record Settings(String bootstrapServers, String topic, String deadLetterTopic, int partitions, short replicas, String origin,
                    Duration retryFor, Duration retention, Duration pruneEvery) {

        static Settings from(Environment environment) {
            String topic = environment.getProperty("authorworks.kafka.topic", "authorworks.events");
            // the process's services, in a stable order: processes running the same services are one consumer group
            String origin = String.join("+", new TreeSet<>(EnabledServices.from(environment).names()));
            return new Settings(environment.getRequiredProperty(BOOTSTRAP_SERVERS), topic, topic + ".dlt",
                    environment.getProperty("authorworks.kafka.partitions", Integer.class, 6),
                    environment.getProperty("authorworks.kafka.replicas", Short.class, (short) 1), origin,
                    environment.getProperty("authorworks.kafka.retry-for", Duration.class, Duration.ofMinutes(10)),
                    environment.getProperty("authorworks.kafka.retention", Duration.class, Duration.ofDays(7)),
                    environment.getProperty("authorworks.kafka.prune-every", Duration.class, Duration.ofHours(1)));
        }

        String consumerGroup() {
            return "authorworks-" + origin;
        }
    }

    @Bean
    Settings kafkaEventSettings(Environment environment) {
        return Settings.from(environment);
    }

    @Bean
    KafkaAdmin kafkaAdmin(Settings settings) {
        return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()));
    }

    /** Both topics keep records for {@code authorworks.kafka.retention} (seven days), which bounds how long consumed ids are kept. */
    @Bean
    NewTopic eventsTopic(Settings settings) {
        return topic(settings.topic(), settings);
    }

    @Bean
    NewTopic deadLetterTopic(Settings settings) {
        return topic(settings.deadLetterTopic(), settings);
    }

    private static NewTopic topic(String name, Settings settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.retention().toMillis())).build();
    }

    @Bean
    ConsumedEventsPruning consumedEventsPruning(Settings settings, JdbcClient db) {
        return new ConsumedEventsPruning(db, settings.retention(), settings.pruneEvery());
    }

    @Bean
    ProducerFactory<String, String> eventProducers(Settings settings, ObjectProvider<MeterRegistry> meters) {
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
        meters.ifAvailable(registry -> producers.addListener(new MicrometerProducerListener<>(registry)));
        return producers;
    }

    /** Observed: each record carries the W3C {@code traceparent} of the trace that published its event. */
    @Bean
    KafkaTemplate<String, String> eventTemplate(ProducerFactory<String, String> producers) {
        KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
        template.setObservationEnabled(true);
        return template;
    }

    /** With the Kafka clients' metrics, the consumer's lag among them ({@code kafka_consumer_fetch_manager_records_lag_max}). */
    @Bean
    ConsumerFactory<String, String> eventConsumers(Settings settings, ObjectProvider<MeterRegistry> meters) {
        DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100),
                new StringDeserializer(), new StringDeserializer());
        meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
        return consumers;
    }

    /** Which events go out: every one of ours published here, none taken in from another process. */
    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(Settings settings) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> EventRecords.isDomainEvent(event) && !InboundEvents.isInbound())
                .routeAll(event -> RoutingTarget.forTarget(settings.topic()).withoutKey())
                .build();
    }

    @Bean
    EventExternalizerModuleListener kafkaEventExternalizer(EventExternalizationConfiguration configuration,
                                                           KafkaTemplate<String, String> template, Settings settings,
                                                           ObjectProvider<JsonMapper> mappers) {
        JsonMapper json = mappers.getIfAvailable(JsonMapper::new);
        EventExternalizationTransport transport = (payload, target) -> {
            String type = payload.getClass().getName();
            String value = json.writeValueAsString(payload);
            ProducerRecord<String, String> record = new ProducerRecord<>(target.getTarget(), null, EventRecords.key(payload), value);
            record.headers().add(EventRecords.TYPE, type.getBytes(StandardCharsets.UTF_8))
                    .add(EventRecords.ID, EventRecords.id(type, value).toString().getBytes(StandardCharsets.UTF_8))
                    .add(EventRecords.ORIGIN, settings.origin().getBytes(StandardCharsets.UTF_8));
            return template.send(record);
        };
        return new EventExternalizerModuleListener(configuration, transport);
    }

    /**
     * The consumer: one record at a time, its offset committed once it is taken in. A record that is
     * not ours or not readable goes to the dead-letter topic at once; one that fails otherwise (the
     * database is down) is tried again with backoff, for up to {@code authorworks.kafka.retry-for} (ten minutes), before it goes there too.
     */
    @Bean
    ConcurrentMessageListenerContainer<String, String> inboundEvents(Settings settings, ConsumerFactory<String, String> consumers,
                                                                     KafkaTemplate<String, String> template, ObjectProvider<JsonMapper> mappers,
                                                                     JdbcClient db, TransactionTemplate transactions,
                                                                     ApplicationEventPublisher publisher) {
        ContainerProperties properties = new ContainerProperties(settings.topic());
        properties.setGroupId(settings.consumerGroup());
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        // the record's traceparent continues the sender's trace here
        properties.setObservationEnabled(true);
        properties.setMessageListener(new InboundEvents(settings.origin(), settings.consumerGroup(), mappers.getIfAvailable(JsonMapper::new),
                db, transactions, publisher, KafkaEventsConfiguration.class.getClassLoader()));
        ConcurrentMessageListenerContainer<String, String> container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(settings.retryFor().toMillis());
        DefaultErrorHandler errors = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(settings.deadLetterTopic(), record.partition())), backOff);
        errors.addNotRetryableExceptions(InboundEvents.UnreadableEvent.class);
        container.setCommonErrorHandler(errors);
        return container;
    }

    @Bean
    DeadLetters deadLetters(Settings settings, ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> template) {
        return new DeadLetters(settings.topic(), settings.deadLetterTopic(), consumers, template);
    }

    @Bean
    DeadLettersController deadLettersController(DeadLetters deadLetters) {
        return new DeadLettersController(deadLetters);
    }
}
