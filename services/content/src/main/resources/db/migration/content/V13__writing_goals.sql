-- A writer's daily word goal (their streak counts the days it was met).
CREATE TABLE writing_goals (
    user_id     uuid PRIMARY KEY,
    daily_words integer     NOT NULL CHECK (daily_words BETWEEN 1 AND 100000),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A book's word goal and, if the author set one, the day it should be reached.
CREATE TABLE book_goals (
    book_id      uuid PRIMARY KEY REFERENCES books (id) ON DELETE CASCADE,
    target_words integer     NOT NULL CHECK (target_words BETWEEN 1 AND 2000000),
    deadline     date,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The words a writer wrote per day are summed from their own saves.
CREATE INDEX versions_by_author ON versions (author_id, created_at) WHERE origin = 'edit';
