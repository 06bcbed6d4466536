-- The moderation queue holds reports of users as well as of messages, and their outcome (docs/messaging.md).
-- A user report names the reported user and no message; a message report names both (the message's sender).
ALTER TABLE message_reports ALTER COLUMN message_id DROP NOT NULL;
ALTER TABLE message_reports ADD COLUMN reported_user_id uuid;
UPDATE message_reports r SET reported_user_id = m.sender_id FROM conversation_messages m WHERE m.id = r.message_id;
ALTER TABLE message_reports ALTER COLUMN reported_user_id SET NOT NULL;
ALTER TABLE message_reports ADD COLUMN outcome text CHECK (outcome IN ('RESOLVED', 'DISMISSED'));
ALTER TABLE message_reports ADD COLUMN resolved_by uuid;
ALTER TABLE message_reports ADD COLUMN note text;
UPDATE message_reports SET outcome = 'RESOLVED' WHERE resolved_at IS NOT NULL;
ALTER TABLE message_reports ADD CONSTRAINT message_reports_outcome_check2 CHECK ((outcome IS NULL) = (resolved_at IS NULL));
-- one open report of a user per reporter
CREATE UNIQUE INDEX message_reports_open_user ON message_reports (reported_user_id, reporter_id)
    WHERE message_id IS NULL AND resolved_at IS NULL;
CREATE INDEX message_reports_open ON message_reports (created_at) WHERE resolved_at IS NULL;
