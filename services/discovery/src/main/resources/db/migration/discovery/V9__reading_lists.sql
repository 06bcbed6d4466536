-- Readers' named reading lists of published books, public or private. A book that is not published (or that
-- the caller may not read) is kept in the list but left out when it is shown, like follows.
CREATE TABLE reading_lists (
    id          uuid        PRIMARY KEY,
    owner_id    uuid        NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description text        CHECK (length(description) <= 2000),
    public      boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reading_lists_owner ON reading_lists (owner_id, created_at, id);

CREATE TABLE reading_list_books (
    list_id  uuid        NOT NULL REFERENCES reading_lists (id) ON DELETE CASCADE,
    book_id  uuid        NOT NULL,
    position integer     NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (list_id, book_id)
);
CREATE INDEX reading_list_books_order ON reading_list_books (list_id, position);
