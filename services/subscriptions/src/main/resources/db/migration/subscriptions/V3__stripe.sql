-- Creators' Stripe Connect (Express) accounts: where their 80 % goes.
CREATE TABLE subscriptions.stripe_accounts (
    creator_id        uuid PRIMARY KEY,
    account_id        text        NOT NULL UNIQUE,
    charges_enabled   boolean     NOT NULL DEFAULT false,
    details_submitted boolean     NOT NULL DEFAULT false,
    requirements_due  jsonb       NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

-- Stripe events already handled, by Stripe's event id: a redelivered event changes nothing.
CREATE TABLE subscriptions.stripe_events (
    id          text PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL
);
