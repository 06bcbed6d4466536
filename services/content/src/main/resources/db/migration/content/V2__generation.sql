-- The durable generation queue: workers claim rows with FOR UPDATE SKIP LOCKED and hold a lease
-- they renew while running; a RUNNING row whose lease expired belongs to a dead worker and is claimed again.
CREATE TABLE generation_jobs (
    id               uuid PRIMARY KEY,
    book_id          uuid        NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    user_id          uuid        NOT NULL,
    status           text        NOT NULL,
    request          jsonb       NOT NULL,
    progress         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error_message    text,
    cancel_requested boolean     NOT NULL DEFAULT false,
    lease_owner      text,
    lease_expires_at timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    completed_at     timestamptz
);
CREATE INDEX generation_jobs_claimable ON generation_jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX generation_jobs_book ON generation_jobs (book_id, created_at DESC);

-- The engine's checkpoints (plan steps, drafts, summaries, context manifests), one document per key.
CREATE TABLE checkpoints (
    book_id    uuid        NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    key        text        NOT NULL,
    document   text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (book_id, key)
);

-- Progress events of a book's runs, kept so an SSE client can resume with Last-Event-ID.
CREATE TABLE generation_events (
    id         bigserial PRIMARY KEY,
    book_id    uuid        NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    job_id     uuid        NOT NULL,
    name       text        NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX generation_events_book ON generation_events (book_id, id);

-- Paid model calls; user_id is kept so a user's account survives deleting the book.
CREATE TABLE usage_entries (
    id            bigserial PRIMARY KEY,
    book_id       uuid,
    user_id       uuid          NOT NULL,
    step          text          NOT NULL,
    provider      text          NOT NULL,
    model         text          NOT NULL,
    input_tokens  bigint        NOT NULL,
    output_tokens bigint        NOT NULL,
    cost_usd      numeric(14,6) NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX usage_entries_user ON usage_entries (user_id);
CREATE INDEX usage_entries_book ON usage_entries (book_id);

-- Users' own provider keys (BYOK), AES-GCM encrypted with the platform master key.
CREATE TABLE provider_keys (
    user_id    uuid        NOT NULL,
    provider   text        NOT NULL,
    nonce      bytea       NOT NULL,
    ciphertext bytea       NOT NULL,
    last_four  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, provider)
);
