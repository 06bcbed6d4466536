-- Metadata of stored files; the bytes live in the blob store under (bucket, object_key).
create table files (
    id           uuid primary key,
    owner_id     uuid        not null,
    bucket       text        not null,
    object_key   text        not null,
    name         text        not null,
    content_type text        not null,
    size_bytes   bigint      not null check (size_bytes >= 0),
    sha256       text        not null,
    created_at   timestamptz not null default now(),
    unique (bucket, object_key)
);

-- "my files, newest first" and the quota sum both start from the owner.
create index files_owner_created on files (owner_id, created_at desc, id);
