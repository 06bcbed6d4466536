-- A password change or reset advances the user's token epoch; access tokens carry the epoch they
-- were issued in and are refused once it is past.
alter table users add column token_epoch bigint not null default 0;

-- Bucket4j's PostgreSQL buckets for sign-in and mail throttles, by key
-- ("account-address:<email>|<address>", "address:<address>", "mail:<email>"), so the limits hold
-- across processes and restarts. expires_at (epoch milliseconds) says when a row may be deleted.
create table throttles (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index throttles_expires_at on throttles (expires_at);
