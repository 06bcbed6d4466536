-- Each book's tally of readers' follows and ratings (how many, and the sum of the overall marks), kept in step
-- by every follow, unfollow, rating and removal in the same transaction. The follows and rating sorts and the
-- best-rated list read these rows, never every rating. Kept, like follows and ratings, while a book is unpublished.
CREATE TABLE tallies (
    book_id     uuid   PRIMARY KEY,
    followers   bigint NOT NULL DEFAULT 0 CHECK (followers >= 0),
    ratings     bigint NOT NULL DEFAULT 0 CHECK (ratings >= 0),
    overall_sum bigint NOT NULL DEFAULT 0 CHECK (overall_sum >= 0)
);

INSERT INTO tallies (book_id, followers, ratings, overall_sum)
SELECT book_id, sum(followers), sum(ratings), sum(overall_sum)
FROM (SELECT book_id, count(*) AS followers, 0 AS ratings, 0 AS overall_sum FROM follows GROUP BY book_id
      UNION ALL
      SELECT book_id, 0, count(*), sum(overall) FROM ratings GROUP BY book_id) parts
GROUP BY book_id;
