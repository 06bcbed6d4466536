-- Spring Modulith's event publication registry (the transactional outbox), one per database: a row per
-- event and listener, written in the transaction that published the event and deleted once the listener
-- finished (completion mode DELETE). A row still here is a publication not yet handled: it is resubmitted
-- (after a restart and periodically) by the process that runs its listener. Columns as Modulith's v2
-- structure for PostgreSQL (schemas/v2/schema-postgresql.sql in spring-modulith-events-jdbc 2.1.1).
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
