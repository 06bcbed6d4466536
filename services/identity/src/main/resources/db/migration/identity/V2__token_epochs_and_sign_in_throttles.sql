-- A password change or reset advances the user's token epoch; access tokens carry the epoch they
-- were issued in and are refused once it is past.
alter table users add column token_epoch bigint not null default 0;

-- Bucket4j's PostgreSQL buckets for sign-in and mail throttles, by key ("account-address:<email>|<address>",
-- "address:<address>", "account:<email>", "mail:<email>"), so the limits hold
-- across processes and restarts. expires_at (epoch milliseconds) says when a row may be deleted.
create table throttles (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index throttles_expires_at on throttles (expires_at);

-- The addresses a user signed in from with the right password lately (SHA-256 of the address):
-- exempt from the account-wide throttle on failures from new addresses.
create table sign_in_addresses (
    user_id      uuid not null references users (id) on delete cascade,
    address_hash text not null,
    last_success timestamptz not null,
    primary key (user_id, address_hash)
);
