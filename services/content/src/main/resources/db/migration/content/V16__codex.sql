-- The codex: a book's editable story bible, the ledger the engine drafts from.
-- An entry deleted by the author stays as a tombstone (deleted), so extraction never brings it back.
CREATE TABLE codex_entries (
    id             uuid PRIMARY KEY,
    book_id        uuid        NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    kind           text        NOT NULL CHECK (kind IN ('CHARACTER', 'PLACE', 'OBJECT', 'LORE', 'FACTION', 'RELATIONSHIP')),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description    text        NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    pinned         text        NOT NULL DEFAULT 'AUTO' CHECK (pinned IN ('ALWAYS', 'NEVER', 'AUTO')),
    -- the ledger subject it was extracted from (lower case), null for an entry the author made
    extracted_from text,
    author_edited  boolean     NOT NULL DEFAULT false,
    deleted        boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX codex_entries_extracted ON codex_entries (book_id, extracted_from) WHERE extracted_from IS NOT NULL;

-- Every name and alias of a live entry (name_key lower case): one entry per name in a book.
CREATE TABLE codex_names (
    book_id  uuid    NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    name_key text    NOT NULL,
    spelled  text    NOT NULL CHECK (length(spelled) BETWEEN 1 AND 200),
    alias    boolean NOT NULL,
    entry_id uuid    NOT NULL REFERENCES codex_entries (id) ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (book_id, name_key)
);
CREATE INDEX codex_names_by_entry ON codex_names (entry_id);

-- What holds of an entry from scene index from_scene on (1 is the book's first scene, 0 the plan).
-- A later fact with the same attribute supersedes an earlier one. An author-edited or deleted fact
-- keeps its extraction key, so extraction neither overwrites nor re-adds it.
CREATE TABLE codex_facts (
    id             uuid PRIMARY KEY,
    entry_id       uuid        NOT NULL REFERENCES codex_entries (id) ON DELETE CASCADE,
    book_id        uuid        NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    text           text        NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    attribute      text        CHECK (length(attribute) <= 100),
    from_scene     integer     NOT NULL CHECK (from_scene BETWEEN 0 AND 100000),
    source         text        NOT NULL CHECK (source IN ('EXTRACTED', 'AUTHOR')),
    extraction_key text,
    author_edited  boolean     NOT NULL DEFAULT false,
    deleted        boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX codex_facts_extracted ON codex_facts (book_id, extraction_key) WHERE extraction_key IS NOT NULL;
CREATE INDEX codex_facts_by_entry ON codex_facts (entry_id, from_scene);
