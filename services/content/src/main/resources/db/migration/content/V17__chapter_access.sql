-- Chapter gating by membership (issue 15 §5): who may read a released chapter besides its owner.
-- NULL is public (every reader of the book). Otherwise a JSON object:
--   {"visibility": "members" | "tiers", "tiers": [tier ids], "later": [{"tier": id | null, "afterDays": n}],
--    "everyoneAfterDays": n | null}
-- read by content's AccessPolicy; the days count from the chapter's release (published_at).
ALTER TABLE chapters ADD COLUMN access jsonb;

-- Free previews: the book's first N chapters are always public, whatever their access says.
ALTER TABLE books ADD COLUMN free_preview_chapters integer NOT NULL DEFAULT 0
    CHECK (free_preview_chapters BETWEEN 0 AND 1000);
