-- A running export belongs to the claim that took it: lease_owner is that claim's token. The worker renews
-- the lease while it works (heartbeat), and finishing, failing or requeueing only counts from the owner, so a
-- worker that lost its lease (it stalled past it and another claimed the export) cannot overwrite the result.
ALTER TABLE exports ADD COLUMN lease_owner uuid;
