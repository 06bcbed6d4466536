-- Which version of the scene in content a shared document was last in step with: set when the document
-- is seeded from the scene, when the editor writes it back, and when a change made outside the editor
-- (a restore, a generation, a plain save) replaces it. Behind the scene's version means: replace on open.
CREATE TABLE documents (
    document_id     uuid PRIMARY KEY,
    content_version integer     NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
