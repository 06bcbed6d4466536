-- Books as data: what the author (or the generator) wrote, chapter by chapter, scene by scene.
CREATE TABLE books (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL,
    title         text        NOT NULL,
    description   text        NOT NULL DEFAULT '',
    format        text        NOT NULL,
    status        text        NOT NULL,
    metadata_json jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX books_user ON books (user_id, updated_at DESC);

-- Numbers are positions; the unique constraints are checked at commit so a reorder can renumber in place.
CREATE TABLE chapters (
    id          uuid PRIMARY KEY,
    book_id     uuid    NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    number      integer NOT NULL,
    title       text    NOT NULL,
    description text    NOT NULL DEFAULT '',
    status      text    NOT NULL,
    CONSTRAINT chapters_position UNIQUE (book_id, number) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE scenes (
    id         uuid PRIMARY KEY,
    chapter_id uuid    NOT NULL REFERENCES chapters (id) ON DELETE CASCADE,
    number     integer NOT NULL,
    title      text    NOT NULL,
    content    text    NOT NULL DEFAULT '',
    word_count integer NOT NULL DEFAULT 0,
    status     text    NOT NULL,
    version    integer NOT NULL DEFAULT 0,
    CONSTRAINT scenes_position UNIQUE (chapter_id, number) DEFERRABLE INITIALLY DEFERRED
);

-- Plan artifacts (braindump, genre, style guide, characters, synopsis, outline): one JSON document per kind.
CREATE TABLE artifacts (
    book_id  uuid        NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    kind     text        NOT NULL,
    document jsonb       NOT NULL,
    version  integer     NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (book_id, kind)
);

-- Every save of a scene or an artifact, append-only. subject is 'scene:<id>' or 'artifact:<kind>'.
CREATE TABLE versions (
    book_id    uuid        NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    subject    text        NOT NULL,
    number     integer     NOT NULL,
    body       text        NOT NULL,
    word_count integer     NOT NULL,
    author_id  uuid,
    origin     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (book_id, subject, number)
);
