-- A message may carry one file the sender stored through storage (its id and what it was when attached).
alter table conversation_messages
    add column file_id   uuid,
    add column file_name text,
    add column file_type text,
    add column file_size bigint;
