-- Direct and group conversations. A direct one is keyed by its pair (the smaller id first), so
-- asking for the same pair again finds it; a group has a title and an owner who manages members.
create table conversations (
    id           uuid primary key,
    kind         text not null check (kind in ('direct', 'group')),
    title        text,
    owner_id     uuid,
    direct_key   text unique,
    last_seq     bigint not null default 0,
    created_at   timestamptz not null default now(),
    last_message_at timestamptz
);

-- Who is in a conversation and up to which message (its seq) they read.
create table conversation_members (
    conversation_id uuid not null references conversations (id) on delete cascade,
    user_id         uuid not null,
    joined_at       timestamptz not null default now(),
    last_read_seq   bigint not null default 0,
    primary key (conversation_id, user_id)
);
create index conversation_members_user on conversation_members (user_id);

-- Messages, numbered within their conversation (seq: the cursor). A deleted one keeps its row
-- (a tombstone) with its text gone.
create table conversation_messages (
    id              uuid primary key,
    conversation_id uuid not null references conversations (id) on delete cascade,
    seq             bigint not null,
    sender_id       uuid not null,
    body            text,
    created_at      timestamptz not null default now(),
    edited_at       timestamptz,
    deleted_at      timestamptz,
    search          tsvector generated always as (to_tsvector('simple', coalesce(body, ''))) stored,
    unique (conversation_id, seq)
);
create index conversation_messages_search on conversation_messages using gin (search);
create index conversation_messages_sender on conversation_messages (sender_id);

-- Messages reported by members, for the admins' moderation queue.
create table message_reports (
    id          uuid primary key,
    message_id  uuid not null references conversation_messages (id) on delete cascade,
    reporter_id uuid not null,
    reason      text not null,
    created_at  timestamptz not null default now(),
    resolved_at timestamptz,
    unique (message_id, reporter_id)
);
