-- A paid call is booked once, by the id the engine gives it, from whichever record holds it first.
ALTER TABLE usage_entries ADD COLUMN call_id text;
CREATE UNIQUE INDEX usage_entries_call ON usage_entries (call_id);
