-- Events taken in from Kafka (sent by other processes), per consumer (the services of the taking process):
-- written in the transaction that hands the event to this database's registry, so an event delivered again
-- is taken once. Only used when events cross processes (authorworks.kafka.bootstrap-servers).
CREATE TABLE consumed_events (
    consumer    text        NOT NULL,
    event_id    uuid        NOT NULL,
    event_type  text        NOT NULL,
    consumed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX consumed_events_by_time ON consumed_events (consumed_at);
