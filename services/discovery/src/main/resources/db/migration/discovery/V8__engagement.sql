-- Each book's engagement per day (UTC): readers who started it, follows and first ratings, counted as they
-- happen (the same transaction as the read, follow or rating), so the windowed lists (popular this week,
-- trending per window, rising stars) read a few rows a book instead of every read, follow and rating.
-- Gross counts: an unfollow or a removed rating does not take back the day's interest.
CREATE TABLE engagement (
    book_id uuid    NOT NULL,
    day     date    NOT NULL,
    reads   integer NOT NULL DEFAULT 0 CHECK (reads >= 0),
    follows integer NOT NULL DEFAULT 0 CHECK (follows >= 0),
    ratings integer NOT NULL DEFAULT 0 CHECK (ratings >= 0),
    PRIMARY KEY (book_id, day)
);
CREATE INDEX engagement_day ON engagement (day, book_id);

INSERT INTO engagement (book_id, day, reads, follows, ratings)
SELECT book_id, day, sum(reads), sum(follows), sum(ratings)
FROM (SELECT book_id, (read_at AT TIME ZONE 'UTC')::date AS day, 1 AS reads, 0 AS follows, 0 AS ratings FROM reads
      UNION ALL
      SELECT book_id, (followed_at AT TIME ZONE 'UTC')::date, 0, 1, 0 FROM follows
      UNION ALL
      SELECT book_id, (created_at AT TIME ZONE 'UTC')::date, 0, 0, 1 FROM ratings) parts
GROUP BY book_id, day;
