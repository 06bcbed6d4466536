-- Audiobook projects: one per book and owner, the speech engine chosen, the voices cast.
CREATE TABLE audio_projects (
    id uuid PRIMARY KEY,
    book_id uuid NOT NULL,
    user_id uuid NOT NULL,
    title text NOT NULL,
    engine text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (book_id, user_id)
);

-- The narrator (character_name NULL) and one voice per character of the book's story bible.
CREATE TABLE audio_voices (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES audio_projects (id) ON DELETE CASCADE,
    character_name text,
    voice text NOT NULL,
    gender text NOT NULL,
    age text NOT NULL,
    pitch integer NOT NULL,
    rate integer NOT NULL,
    position integer NOT NULL
);
CREATE UNIQUE INDEX audio_voices_one_narrator ON audio_voices (project_id) WHERE character_name IS NULL;
CREATE UNIQUE INDEX audio_voices_one_per_character ON audio_voices (project_id, lower(character_name)) WHERE character_name IS NOT NULL;

-- Render jobs, on the platform's leased queue (platform.jobs.LeasedQueue owns the lease columns).
CREATE TABLE audio_jobs (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES audio_projects (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    status text NOT NULL,
    progress jsonb NOT NULL DEFAULT '{}'::jsonb,
    characters bigint NOT NULL DEFAULT 0,
    cost_usd numeric(12, 6) NOT NULL DEFAULT 0,
    error_message text,
    lease_owner text,
    lease_expires_at timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    cancel_requested boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    completed_at timestamptz
);
CREATE INDEX audio_jobs_claimable ON audio_jobs (next_attempt_at, created_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX audio_jobs_project ON audio_jobs (project_id, created_at DESC);

-- What a finished render made: per chapter MP3s (with their ACX check), credits, the M4B and the retail sample.
CREATE TABLE audio_outputs (
    id uuid PRIMARY KEY,
    job_id uuid NOT NULL REFERENCES audio_jobs (id) ON DELETE CASCADE,
    project_id uuid NOT NULL REFERENCES audio_projects (id) ON DELETE CASCADE,
    kind text NOT NULL,
    position integer NOT NULL,
    title text NOT NULL,
    file_id uuid NOT NULL,
    content_type text NOT NULL,
    bytes bigint NOT NULL,
    duration_ms bigint NOT NULL,
    acx jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audio_outputs_job ON audio_outputs (job_id, position);
