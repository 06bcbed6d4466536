-- The latest announcement of each book that discovery applied (content's BookPublished / BookUnpublished
-- revision), published or not, and whether the book was deleted. Events may arrive late, twice or out of
-- order: one older than the row is ignored, and nothing brings a deleted book back. Books listed before this
-- table existed have no row (revision 0): any announcement applies to them.
CREATE TABLE announcements (
    book_id  uuid    PRIMARY KEY,
    revision bigint  NOT NULL,
    deleted  boolean NOT NULL DEFAULT false
);
