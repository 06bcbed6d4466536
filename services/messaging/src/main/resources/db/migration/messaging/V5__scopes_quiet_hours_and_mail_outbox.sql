-- Levels per scope (docs/messaging.md, Preferences and email): a user watches or mutes a book or an author; no row is
-- the normal level. scope_id is the book's or the author's id as text (a tag would be its name).
CREATE TABLE scope_levels (
    user_id    uuid        NOT NULL,
    scope      text        NOT NULL CHECK (scope IN ('BOOK', 'AUTHOR')),
    scope_id   text        NOT NULL,
    level      text        NOT NULL CHECK (level IN ('WATCHING', 'MUTED')),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, scope, scope_id)
);
-- who watches a book or an author (the listeners add them to the recipients)
CREATE INDEX scope_levels_watchers ON scope_levels (scope, scope_id) WHERE level = 'WATCHING';

-- A type may now go to the digest.
ALTER TABLE preferences DROP CONSTRAINT preferences_channel_check;
ALTER TABLE preferences ADD CONSTRAINT preferences_channel_check CHECK (channel IN ('IN_APP', 'EMAIL', 'DIGEST', 'NONE'));

-- When a user's mail may go out: their time zone, a quiet window (local times; end before start spans midnight),
-- and how often the digest is sent. No row: UTC, no quiet hours, a daily digest.
CREATE TABLE mail_settings (
    user_id     uuid        PRIMARY KEY,
    time_zone   text        NOT NULL,
    quiet_start time,
    quiet_end   time,
    digest      text        NOT NULL CHECK (digest IN ('DAILY', 'WEEKLY')),
    updated_at  timestamptz NOT NULL,
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

-- The durable outbox of mail, on the platform's leased queue (docs/platform.md, Jobs). A row is written in the
-- notification's transaction: HELD until due_at (quiet hours, the digest's time, by the messaging clock), then
-- QUEUED for the worker; retried with backoff (RETRY) up to the attempts allowed, then GIVEN_UP. A digest row
-- gathers the notifications of one period (one HELD digest per user at a time).
CREATE TABLE mail_outbox (
    id               uuid        PRIMARY KEY,
    user_id          uuid        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('NOTIFICATION', 'DIGEST')),
    notification_ids uuid[]      NOT NULL,
    due_at           timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('HELD', 'QUEUED', 'RUNNING', 'RETRY', 'SENT', 'SKIPPED', 'GIVEN_UP')),
    last_error       text,
    lease_owner      text,
    lease_expires_at timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    cancel_requested boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    completed_at     timestamptz
);
CREATE INDEX mail_outbox_waiting ON mail_outbox (next_attempt_at, created_at) WHERE status IN ('QUEUED', 'RETRY');
CREATE INDEX mail_outbox_held ON mail_outbox (due_at) WHERE status = 'HELD';
CREATE UNIQUE INDEX mail_outbox_open_digest ON mail_outbox (user_id) WHERE kind = 'DIGEST' AND status = 'HELD';
