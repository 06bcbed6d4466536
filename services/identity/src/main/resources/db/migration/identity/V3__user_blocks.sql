-- Who blocked whom. A block works both ways for what it stops (direct messages, mentions), so
-- lookups go by either column.
create table user_blocks (
    blocker_id uuid not null references users (id) on delete cascade,
    blocked_id uuid not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (blocker_id, blocked_id),
    check (blocker_id <> blocked_id)
);
create index user_blocks_blocked on user_blocks (blocked_id);
