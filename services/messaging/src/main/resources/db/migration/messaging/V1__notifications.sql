-- Messaging's inbox: one row per notification a user received. Filled by listeners of other services'
-- events (content's generation and publishing) and by admins; it never reads another service's tables.

-- One row per recipient: the last sequence number handed out. Taking it locks the row, so a recipient's
-- notifications are numbered 1, 2, 3... in the order their transactions commit: a client that saw n has
-- seen everything before n, and "after n" (the cursor of replay and Last-Event-ID) misses nothing.
CREATE TABLE inboxes (
    recipient_id uuid PRIMARY KEY,
    last_seq     bigint NOT NULL
);

CREATE TABLE notifications (
    id           uuid PRIMARY KEY,
    recipient_id uuid        NOT NULL,
    seq          bigint      NOT NULL,
    type         text        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    link         text,
    data         jsonb       NOT NULL,
    -- what caused it (e.g. content.generation-finished:<job id>): a redelivered event makes no second row
    source_key   text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    read_at      timestamptz,
    UNIQUE (recipient_id, seq)
);
CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL;
