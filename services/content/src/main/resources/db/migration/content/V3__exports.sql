-- Exports of books (EPUB, PDF...) made in the background and stored in the storage service.
-- A worker claims a due row with FOR UPDATE SKIP LOCKED; a RUNNING row whose lease expired belongs
-- to a process that died and is claimed again; WAITING_FOR_STORAGE rows are retried at next_attempt_at.
CREATE TABLE exports (
    id               uuid PRIMARY KEY,
    book_id          uuid        NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    user_id          uuid        NOT NULL,
    format           text        NOT NULL,
    trim_size        text,
    author           text,
    state            text        NOT NULL,
    file_id          uuid,
    error_message    text,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_expires_at timestamptz,
    book_updated_at  timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz
);
CREATE INDEX exports_due ON exports (next_attempt_at) WHERE state IN ('QUEUED', 'RUNNING', 'WAITING_FOR_STORAGE');
CREATE INDEX exports_book ON exports (book_id, created_at DESC);
