-- Where each reader stopped in a book: one row per user and book, gone with the book (or its chapter or scene).
CREATE TABLE reading_positions (
    user_id    uuid         NOT NULL,
    book_id    uuid         NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    chapter_id uuid         NOT NULL REFERENCES chapters (id) ON DELETE CASCADE,
    scene_id   uuid         NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    progress   numeric(5,4) NOT NULL CHECK (progress >= 0 AND progress <= 1),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, book_id)
);
