-- Serial release: each chapter has its own public life (the same states as a book's, but ARCHIVED), and
-- readers who are not the owner see only the chapters that are PUBLISHED in a book they may read.
-- A new chapter starts in DRAFT; the book's first publication releases every chapter still in draft.
ALTER TABLE chapters
    ADD COLUMN publication  text        NOT NULL DEFAULT 'DRAFT'
        CHECK (publication IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED')),
    ADD COLUMN publish_at   timestamptz,
    ADD COLUMN published_at timestamptz,
    ADD CONSTRAINT chapters_scheduled_has_time CHECK ((publication = 'SCHEDULED') = (publish_at IS NOT NULL));

-- Backwards compatible: every chapter of a book that was ever published stays readable as it was.
UPDATE chapters c SET publication = 'PUBLISHED', published_at = coalesce(b.first_published_at, now())
FROM books b WHERE b.id = c.book_id AND b.first_published_at IS NOT NULL;

-- The scheduled-publishing poll looks for due chapters by time.
CREATE INDEX chapters_release_due ON chapters (publish_at) WHERE publication = 'SCHEDULED';
