-- A book's updates as readers hear of them: one row per chapter release content announced (ChapterPublished).
-- Feeds and the latest-updates list join the catalogue, so an update of a book that is not published (or
-- that the caller may not read) is in no one's list. The same release twice is one row. A release its author took
-- down (ChapterUnpublished) is kept as withdrawn, so hearing of the release after the takedown adds nothing.
CREATE TABLE updates (
    id             uuid        PRIMARY KEY,
    book_id        uuid        NOT NULL,
    chapter_id     uuid        NOT NULL,
    chapter_number integer     NOT NULL,
    chapter_title  text        NOT NULL,
    words          bigint      NOT NULL,
    published_at   timestamptz NOT NULL,
    withdrawn      boolean     NOT NULL DEFAULT false,
    UNIQUE (chapter_id, published_at)
);
CREATE INDEX updates_newest ON updates (published_at DESC, id DESC) WHERE NOT withdrawn;
CREATE INDEX updates_book ON updates (book_id, published_at DESC);
