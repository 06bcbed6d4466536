-- Fans' subscriptions. A fan has at most one live subscription per creator; price, currency and interval
-- are the ones they joined at (a tier's later price is for those who join later).
CREATE TABLE subscriptions.subscriptions (
    id                   uuid PRIMARY KEY,
    fan_id               uuid        NOT NULL,
    creator_id           uuid        NOT NULL,
    tier_id              uuid        NOT NULL REFERENCES subscriptions.tiers (id),
    provider             text        NOT NULL,
    external_id          text,
    status               text        NOT NULL CHECK (status IN ('INCOMPLETE', 'ACTIVE', 'PAST_DUE', 'CANCELLED_AT_PERIOD_END', 'EXPIRED')),
    billing_interval     text        NOT NULL CHECK (billing_interval IN ('MONTHLY', 'ANNUAL')),
    price                bigint      NOT NULL CHECK (price > 0),
    currency             char(3)     NOT NULL,
    current_period_start timestamptz,
    current_period_end   timestamptz,
    failed_attempts      integer     NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz,
    test_card            text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    ended_at             timestamptz,
    UNIQUE (provider, external_id)
);

CREATE INDEX subscriptions_by_fan ON subscriptions.subscriptions (fan_id, created_at DESC);
CREATE INDEX subscriptions_by_tier ON subscriptions.subscriptions (tier_id) WHERE status <> 'EXPIRED';
CREATE INDEX subscriptions_due ON subscriptions.subscriptions (current_period_end) WHERE status IN ('ACTIVE', 'CANCELLED_AT_PERIOD_END');
CREATE INDEX subscriptions_retries ON subscriptions.subscriptions (next_attempt_at) WHERE status = 'PAST_DUE';
CREATE UNIQUE INDEX subscriptions_one_live_per_creator ON subscriptions.subscriptions (fan_id, creator_id) WHERE status <> 'EXPIRED';

-- One-off tips.
CREATE TABLE subscriptions.tips (
    id          uuid PRIMARY KEY,
    fan_id      uuid        NOT NULL,
    creator_id  uuid        NOT NULL,
    amount      bigint      NOT NULL CHECK (amount > 0),
    currency    char(3)     NOT NULL,
    message     text,
    provider    text        NOT NULL,
    external_id text        NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (provider, external_id)
);

CREATE INDEX tips_by_fan ON subscriptions.tips (fan_id, created_at DESC);

-- The double-entry ledger: a transaction per money movement, keyed by the provider's id for it (so
-- recording it twice is impossible), and its postings, in integer minor units, which sum to zero.
CREATE TABLE subscriptions.ledger_transactions (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('SUBSCRIPTION', 'TIP', 'REFUND')),
    provider        text        NOT NULL,
    external_id     text        NOT NULL,
    refund_of       uuid        REFERENCES subscriptions.ledger_transactions (id),
    creator_id      uuid        NOT NULL,
    fan_id          uuid,
    subscription_id uuid,
    tip_id          uuid,
    currency        char(3)     NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    UNIQUE (provider, external_id),
    CHECK ((kind = 'REFUND') = (refund_of IS NOT NULL))
);

CREATE INDEX ledger_transactions_by_creator ON subscriptions.ledger_transactions (creator_id, occurred_at DESC);
CREATE INDEX ledger_refunds ON subscriptions.ledger_transactions (refund_of) WHERE refund_of IS NOT NULL;

CREATE TABLE subscriptions.ledger_postings (
    transaction_id uuid   NOT NULL REFERENCES subscriptions.ledger_transactions (id),
    account        text   NOT NULL CHECK (account IN ('FAN_PAYMENTS', 'PROCESSOR_FEES', 'PLATFORM', 'CREATOR')),
    amount         bigint NOT NULL,
    PRIMARY KEY (transaction_id, account)
);

-- Checked at commit, when all of a transaction's postings are in: they sum to zero.
CREATE FUNCTION subscriptions.ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total bigint;
BEGIN
    SELECT coalesce(sum(amount), 0) INTO total FROM subscriptions.ledger_postings WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: its postings sum to %', NEW.transaction_id, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER ledger_postings_balance
    AFTER INSERT OR UPDATE ON subscriptions.ledger_postings
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION subscriptions.ledger_transaction_balances();
