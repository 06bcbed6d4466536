-- The editor's shared documents (one per scene, keyed by the scene's id). A document is its snapshot
-- (one merged yjs update) plus the updates appended since, in order. Every update a client sends is
-- inserted here before anyone is told about it; compaction folds the log into the snapshot in one
-- transaction and deletes exactly the rows it folded in.
CREATE TABLE document_snapshots (
    document_id  uuid PRIMARY KEY,
    state        bytea       NOT NULL,
    through_seq  bigint      NOT NULL,
    compacted_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE document_updates (
    document_id uuid        NOT NULL,
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    payload     bytea       NOT NULL,
    author_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document_id, seq)
);

-- The key that signs collaboration tickets, made on first use and shared by every editor process of a
-- deployment (they share this database), so a ticket stays good across a restart and on any node.
CREATE TABLE ticket_keys (
    id         smallint PRIMARY KEY CHECK (id = 1),
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
