-- A call is booked from before it is sent: as an estimate (input counted from the prompt, output from what
-- streamed) until the provider's own count replaces it. A booked estimate is updated in place; a provider's
-- count is never changed.
ALTER TABLE usage_entries ADD COLUMN estimated boolean NOT NULL DEFAULT false;
