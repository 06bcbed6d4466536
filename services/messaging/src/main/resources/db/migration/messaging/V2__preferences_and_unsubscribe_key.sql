-- A user's choice of channel per notification type; a type with no row has its default (docs/messaging.md).
CREATE TABLE preferences (
    user_id    uuid        NOT NULL,
    type       text        NOT NULL,
    channel    text        NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL', 'NONE')),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, type)
);

-- The key that signs one-click unsubscribe links: made once by whichever process starts first, shared by
-- every process of the database, so a link mailed by one is honoured by all and survives restarts.
CREATE TABLE secrets (
    name  text PRIMARY KEY,
    value bytea NOT NULL
);
