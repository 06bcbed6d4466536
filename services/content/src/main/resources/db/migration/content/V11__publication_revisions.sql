-- Every change a book's public life announces (published, unpublished, archived, listing changed) takes
-- the next revision, under the book's row lock. The announcement carries it, so a listener that hears of
-- the changes late, twice or out of order keeps the latest.
ALTER TABLE books ADD COLUMN publication_revision bigint NOT NULL DEFAULT 0;
