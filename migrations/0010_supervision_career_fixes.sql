-- migrate:up
-- A repeated submission of the same external training (a double POST) must be harmless: one
-- person, one training with the same title, organiser and dates is stored once, so it can never be
-- verified (and its JP booked) twice. The service inserts with `on conflict do nothing`.
create unique index external_training_once_idx on external_training (person_id, title, organiser, start_date, end_date);

-- migrate:down
drop index external_training_once_idx;
