-- Readers' follows and ratings of published books. Kept while a book is unpublished (it may come back);
-- every read joins the catalogue, so a book that is not published is in no one's list.
CREATE TABLE follows (
    user_id     uuid        NOT NULL,
    book_id     uuid        NOT NULL,
    followed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, book_id)
);
CREATE INDEX follows_book ON follows (book_id);

-- One rating per reader and book: overall and, if they gave them, the parts; a review is optional plain text.
CREATE TABLE ratings (
    user_id    uuid        NOT NULL,
    book_id    uuid        NOT NULL,
    overall    smallint    NOT NULL CHECK (overall BETWEEN 1 AND 5),
    style      smallint    CHECK (style BETWEEN 1 AND 5),
    story      smallint    CHECK (story BETWEEN 1 AND 5),
    grammar    smallint    CHECK (grammar BETWEEN 1 AND 5),
    characters smallint    CHECK (characters BETWEEN 1 AND 5),
    review     text        CHECK (length(review) <= 10000),
    saves      integer     NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, book_id)
);
CREATE INDEX ratings_book ON ratings (book_id, updated_at DESC);
