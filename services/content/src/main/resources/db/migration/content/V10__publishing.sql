-- Publishing: where each book is in its public life, who may read it once published, and what a reader
-- sees of it before opening it (the listing). A book that was never published is DRAFT.
ALTER TABLE books
    ADD COLUMN publication        text        NOT NULL DEFAULT 'DRAFT',
    ADD COLUMN audience           text        NOT NULL DEFAULT 'PUBLIC',
    ADD COLUMN publish_at         timestamptz,
    ADD COLUMN first_published_at timestamptz,
    ADD COLUMN published_at       timestamptz,
    ADD COLUMN blurb              text        NOT NULL DEFAULT '',
    ADD COLUMN genre              text,
    ADD COLUMN tags               jsonb       NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN content_warnings   jsonb       NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN rating             text        NOT NULL DEFAULT 'NOT_RATED',
    ADD COLUMN language           text        NOT NULL DEFAULT 'en',
    ADD COLUMN serial_status      text        NOT NULL DEFAULT 'ONGOING';

-- the scheduler's question: which scheduled books are due
CREATE INDEX books_due ON books (publish_at) WHERE publication = 'SCHEDULED';
-- an author's public shelf
CREATE INDEX books_published ON books (user_id, published_at DESC) WHERE publication = 'PUBLISHED';
