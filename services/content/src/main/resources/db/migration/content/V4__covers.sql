-- A book's uploaded cover: the image lives in the storage service, this row points at it.
CREATE TABLE book_covers (
    book_id    uuid        PRIMARY KEY REFERENCES books (id) ON DELETE CASCADE,
    file_id    uuid        NOT NULL,
    media_type text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
