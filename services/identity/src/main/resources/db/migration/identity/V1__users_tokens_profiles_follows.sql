-- Accounts. Email and username are unique regardless of case; password_hash is null for users
-- who only ever sign in through the homelab's forward-auth proxy (matched by remote_user).
create table users (
    id                  uuid primary key,
    email               text not null,
    username            text not null,
    password_hash       text,
    email_verified      boolean not null default false,
    roles               text[] not null,
    remote_user         text unique,
    theme               text not null default 'system',
    default_format      text not null default 'novel',
    email_notifications boolean not null default true,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create unique index users_username_key on users (lower(username));

-- The public face of a user.
create table profiles (
    user_id      uuid primary key references users (id) on delete cascade,
    display_name text,
    bio          text,
    avatar_url   text,
    links        text[] not null default '{}'
);

-- Refresh tokens are stored as SHA-256 hashes. Each sign-in starts a family; rotation adds a
-- member and revokes the previous one, and presenting a revoked member revokes the whole family.
create table refresh_tokens (
    id          uuid primary key,
    user_id     uuid not null references users (id) on delete cascade,
    family_id   uuid not null,
    token_hash  text not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id);

-- Single-use, expiring tokens sent by email (verification, password reset); only hashes kept.
create table email_tokens (
    token_hash  text primary key,
    user_id     uuid not null references users (id) on delete cascade,
    purpose     text not null check (purpose in ('verify-email', 'reset-password')),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index email_tokens_user on email_tokens (user_id);

create table follows (
    follower_id uuid not null references users (id) on delete cascade,
    followee_id uuid not null references users (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (follower_id, followee_id),
    check (follower_id <> followee_id)
);
create index follows_followee on follows (followee_id, created_at);
