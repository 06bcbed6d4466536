-- Goals sum a writer's saves from the scene editor ('edit') and from the editor service ('editor'): the index they
-- read by covers both, so the query's predicate implies the index's.
DROP INDEX versions_by_author;
CREATE INDEX versions_by_author ON versions (author_id, created_at) WHERE origin IN ('edit', 'editor');
