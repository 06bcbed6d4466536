-- Discovery's own read model, fed by content's events (BookPublished, BookUnpublished, BookDeleted,
-- BookRead); it never reads content's tables. The Lucene index is rebuilt from it.

-- One row per published book: its listing as last announced, and its embedding (384 float32, little-endian)
-- so rebuilding the index does not run the model again.
CREATE TABLE books (
    id                 uuid PRIMARY KEY,
    author_id          uuid        NOT NULL,
    author_name        text,
    title              text        NOT NULL,
    blurb              text        NOT NULL,
    genre              text,
    tags               jsonb       NOT NULL,
    content_warnings   jsonb       NOT NULL,
    rating             text        NOT NULL,
    language           text        NOT NULL,
    status             text        NOT NULL,
    readership         text        NOT NULL,
    words              bigint      NOT NULL,
    chapters           integer     NOT NULL,
    first_published_at timestamptz NOT NULL,
    published_at       timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    embedding          bytea       NOT NULL
);
CREATE INDEX books_author ON books (author_id);

-- Who started reading what (a reader's first saved place in a book): engagement for trending and the
-- reading history recommendations start from. Kept while a book is unpublished (it may come back).
CREATE TABLE reads (
    book_id   uuid        NOT NULL,
    reader_id uuid        NOT NULL,
    read_at   timestamptz NOT NULL,
    PRIMARY KEY (book_id, reader_id)
);
CREATE INDEX reads_reader ON reads (reader_id, read_at DESC);
