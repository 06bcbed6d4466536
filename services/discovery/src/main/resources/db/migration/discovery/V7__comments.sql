-- Readers' comments on the chapters of published books, threaded: a reply names the comment it answers
-- (parent_id, in the same chapter). Like follows and ratings, kept while a book is unpublished; every read
-- goes through the catalogue, so the comments of a book that is not published are shown to no one.
CREATE TABLE comments (
    id         uuid        PRIMARY KEY,
    book_id    uuid        NOT NULL,
    chapter_id uuid        NOT NULL,
    parent_id  uuid        REFERENCES comments (id),
    author_id  uuid        NOT NULL,
    -- plain text; null once its author deleted it while it had replies (a tombstone that keeps the thread)
    body       text        CHECK (length(body) <= 5000),
    created_at timestamptz NOT NULL DEFAULT now(),
    edited_at  timestamptz,
    deleted_at timestamptz,
    -- hidden by the book's author or an admin (perhaps resolving a report): shown to them and its author only
    hidden_at  timestamptz,
    hidden_by  uuid,
    CHECK ((body IS NULL) = (deleted_at IS NOT NULL))
);
-- a chapter's comments and a comment's replies, oldest first (the cursor is created_at and id)
CREATE INDEX comments_chapter ON comments (book_id, chapter_id, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;

-- A review hidden by the book's author or an admin is left out of the book's reviews.
ALTER TABLE ratings
    ADD COLUMN hidden_at timestamptz,
    ADD COLUMN hidden_by uuid;

-- Readers' reports of a comment or a review, for the admins' queue. What was reported is copied in
-- (reported_text), so the queue shows it as it was even after an edit or a deletion; no foreign key, for
-- the same reason.
CREATE TABLE reports (
    id            uuid        PRIMARY KEY,
    reporter_id   uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('COMMENT', 'REVIEW')),
    book_id       uuid        NOT NULL,
    comment_id    uuid,
    reader_id     uuid,
    -- who wrote what is reported
    offender_id   uuid        NOT NULL,
    reported_text text        NOT NULL,
    reason        text        NOT NULL CHECK (reason IN ('SPAM', 'HARASSMENT', 'HATE', 'SEXUAL', 'VIOLENCE', 'SPOILER', 'OFF_TOPIC', 'OTHER')),
    note          text        CHECK (length(note) <= 2000),
    status        text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'DISMISSED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    decided_at    timestamptz,
    decided_by    uuid,
    -- whether the admin who resolved it hid what was reported
    hid           boolean     NOT NULL DEFAULT false,
    CHECK ((kind = 'COMMENT') = (comment_id IS NOT NULL)),
    CHECK ((kind = 'REVIEW') = (reader_id IS NOT NULL))
);
-- a reader reports one thing once while the report is open
CREATE UNIQUE INDEX reports_open_once ON reports (reporter_id, kind, book_id, coalesce(comment_id, reader_id)) WHERE status = 'OPEN';
CREATE INDEX reports_queue ON reports (status, created_at, id);
CREATE INDEX reports_subject ON reports (kind, book_id, coalesce(comment_id, reader_id)) WHERE status = 'OPEN';
