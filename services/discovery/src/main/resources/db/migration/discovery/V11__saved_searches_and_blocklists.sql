-- Readers' saved searches (internal.SavedSearches) and saved blocklists (internal.Blocklists): authors and tags a
-- reader never wants to see, applied on the server to search, the lists, the feed and recommendations.
CREATE TABLE discovery.saved_searches (
    id         uuid PRIMARY KEY,
    owner_id   uuid        NOT NULL,
    name       text        NOT NULL,
    params     jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX saved_searches_by_owner ON discovery.saved_searches (owner_id, created_at, id);

CREATE TABLE discovery.blocked_authors (
    owner_id   uuid        NOT NULL,
    author_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, author_id)
);

CREATE TABLE discovery.blocked_tags (
    owner_id   uuid        NOT NULL,
    tag        text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, tag)
);
