-- When each reader posted a comment or a review, for the posting rate limit (internal.PostingLimits): a sliding
-- window counted on discovery's clock. Rows older than the longest window are pruned as readers post.
CREATE TABLE discovery.posts (
    user_id   uuid        NOT NULL,
    kind      text        NOT NULL CHECK (kind IN ('comment', 'review')),
    posted_at timestamptz NOT NULL
);

CREATE INDEX posts_by_user ON discovery.posts (user_id, kind, posted_at);
