-- Generations and exports run on the platform's one leased queue (platform.jobs.LeasedQueue), which
-- needs the same lease columns in both tables: a claim's owner token as text, a due time for
-- retries, a cancel flag and the first start.
ALTER TABLE exports ALTER COLUMN lease_owner TYPE text USING lease_owner::text;
ALTER TABLE exports ADD COLUMN cancel_requested boolean NOT NULL DEFAULT false;
ALTER TABLE exports ADD COLUMN started_at timestamptz;

ALTER TABLE generation_jobs ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
UPDATE generation_jobs SET next_attempt_at = created_at;
DROP INDEX generation_jobs_claimable;
CREATE INDEX generation_jobs_claimable ON generation_jobs (next_attempt_at, created_at) WHERE status IN ('QUEUED', 'RUNNING');
