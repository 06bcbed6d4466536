-- A creator's tiers. Prices are integers in minor units of the currency (cents); never floating point.
CREATE TABLE subscriptions.tiers (
    id              uuid PRIMARY KEY,
    creator_id      uuid        NOT NULL,
    name            text        NOT NULL,
    monthly_price   bigint      NOT NULL CHECK (monthly_price > 0),
    annual_price    bigint      CHECK (annual_price > 0),
    currency        char(3)     NOT NULL,
    benefits        jsonb       NOT NULL DEFAULT '[]',
    member_cap      integer     CHECK (member_cap > 0),
    welcome_message text,
    archived_at     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX tiers_by_creator ON subscriptions.tiers (creator_id, monthly_price, created_at);

-- two live tiers of one creator never share a name (archived ones may)
CREATE UNIQUE INDEX tiers_live_name ON subscriptions.tiers (creator_id, lower(name)) WHERE archived_at IS NULL;
